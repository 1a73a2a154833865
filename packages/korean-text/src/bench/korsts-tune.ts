/**
 * Grid search on KorSTS **dev** only. Its output justified DEFAULT_FEATURES/DEFAULT_WEIGHTING;
 * sts-test is deliberately not read here.
 */
import type { FeatureOptions } from '../features.js';
import type { TextIndexOptions } from '../text-index.js';
import { evaluate, sentences } from './evaluate.js';
import { readSplit } from './korsts-data.js';

const train = readSplit('train');
const dev = readSplit('dev');
const idfCorpus = sentences(train, dev);

const none: FeatureOptions = { wordNgrams: null, textNgrams: null, jamoNgrams: null, stems: null, stripSuffixes: false };
const configs: Array<[string, TextIndexOptions]> = [];
const add = (name: string, features: Partial<FeatureOptions>, rest: TextIndexOptions = {}): void => {
  configs.push([name, { synonyms: null, ...rest, features: { ...none, ...features } }]);
};

add('text 2-2 (baseline)', { textNgrams: { min: 2, max: 2, weight: 1 } });
add('text 1-3', { textNgrams: { min: 1, max: 3, weight: 1 } });
add('text 2-3', { textNgrams: { min: 2, max: 3, weight: 1 } });
for (const [min, max] of [[1, 2], [1, 3], [2, 3], [1, 4], [2, 4]] as const) {
  add(`word ${min}-${max}`, { wordNgrams: { min, max, weight: 1 } });
  add(`word ${min}-${max} strip`, { wordNgrams: { min, max, weight: 1 }, stripSuffixes: true });
  add(`word ${min}-${max} +stem`, { wordNgrams: { min, max, weight: 1 }, stems: { weight: 1 } });
  add(`word ${min}-${max} strip +stem`, { wordNgrams: { min, max, weight: 1 }, stems: { weight: 1 }, stripSuffixes: true });
}
for (const [min, max] of [[2, 3], [2, 4], [3, 5], [2, 5]] as const) {
  add(`jamo ${min}-${max}`, { jamoNgrams: { min, max, weight: 1 } });
  add(`word 1-3 + jamo ${min}-${max} w.5`, { wordNgrams: { min: 1, max: 3, weight: 1 }, jamoNgrams: { min, max, weight: 0.5 } });
  add(`word 1-3 + jamo ${min}-${max} w1`, { wordNgrams: { min: 1, max: 3, weight: 1 }, jamoNgrams: { min, max, weight: 1 } });
  add(`word 1-3 strip + jamo ${min}-${max} w1 +stem`, { wordNgrams: { min: 1, max: 3, weight: 1 }, jamoNgrams: { min, max, weight: 1 }, stems: { weight: 1 }, stripSuffixes: true });
}
const scored = configs.map(([name, options]) => ({ name, dev: evaluate(dev, idfCorpus, options) }));
for (const c of scored) console.log(`${c.dev.toFixed(4)}  ${c.name}`);
