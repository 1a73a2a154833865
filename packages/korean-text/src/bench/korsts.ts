/**
 * KorSTS benchmark: ROC-AUC of "score ≥ 4" vs "score < 4" on sts-test, for the plain
 * character-bigram TF-IDF baseline and for this package's default configuration.
 * Document frequencies are fitted on train+dev sentences (labels unused); defaults were
 * chosen on sts-dev (src/bench/korsts-tune.ts). Run: pnpm --filter @kok/korean-text bench
 */
import { BASELINE_FEATURES } from '../features.js';
import type { TextIndexOptions } from '../text-index.js';
import { evaluate, sentences } from './evaluate.js';
import { isPositive, korstsDir, readSplit } from './korsts-data.js';

const dir = korstsDir();
const train = readSplit('train', dir);
const dev = readSplit('dev', dir);
const test = readSplit('test', dir);
const idfCorpus = sentences(train, dev);

const methods: Array<[string, TextIndexOptions]> = [
  ['baseline: char 2-gram TF-IDF cosine', { features: BASELINE_FEATURES, weighting: { sublinearTf: false }, synonyms: null }],
  ['default (TextIndex defaults)', {}],
  ['default without synonyms', { synonyms: null }],
];

const started = Date.now();
console.log(`KorSTS from ${dir}`);
console.log(`IDF fitted on ${idfCorpus.length} train+dev sentences; label: score >= 4`);
console.log(`dev:  ${dev.length} pairs (${dev.filter(isPositive).length} positive)`);
console.log(`test: ${test.length} pairs (${test.filter(isPositive).length} positive)\n`);
console.log(`${'method'.padEnd(40)}  ${'dev AUC'.padStart(8)}  ${'test AUC'.padStart(8)}`);
for (const [name, options] of methods) {
  const devAuc = evaluate(dev, idfCorpus, options);
  const testAuc = evaluate(test, idfCorpus, options);
  console.log(`${name.padEnd(40)}  ${devAuc.toFixed(4).padStart(8)}  ${testAuc.toFixed(4).padStart(8)}`);
}
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
