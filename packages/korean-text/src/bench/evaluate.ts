import { rocAuc } from '../roc-auc.js';
import { TextIndex, type TextIndexOptions } from '../text-index.js';
import { isPositive, type StsPair } from './korsts-data.js';

/** AUC of cosine similarity on `pairs`, with document frequencies fitted on `idfCorpus` only (no labels). */
export function evaluate(pairs: readonly StsPair[], idfCorpus: readonly string[], options: TextIndexOptions): number {
  const index = TextIndex.fit([], { ...options, background: idfCorpus });
  const scores = pairs.map((p) => index.similarity(p.a, p.b));
  return rocAuc(scores, pairs.map(isPositive));
}

/** Every sentence of the given splits, labels dropped. */
export function sentences(...splits: ReadonlyArray<readonly StsPair[]>): string[] {
  return splits.flatMap((pairs) => pairs.flatMap((p) => [p.a, p.b]));
}
