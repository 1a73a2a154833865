import { holdOutLast, type CnpcSplit } from '../data/cnpc.js';
import { evaluate, summarize, type EvalSummary } from '../eval/evaluate.js';
import { HybridStrategy, type HybridOptionsInput } from '../recommendation-strategy.js';

/**
 * Hyper-parameter search for the hybrid on a validation split carved from the training file
 * (last 20 % of each learner's training sequence), never on the test file.
 */
export function tuneOnValidation(split: CnpcSplit, grid: HybridOptionsInput[], log: (s: string) => void = () => {}): Array<{ config: HybridOptionsInput; val: EvalSummary }> {
  const val = holdOutLast(split.train);
  const out = grid.map((config) => {
    const s = new HybridStrategy(config);
    s.fit({ servants: split.servants, courses: split.courses, interactions: val.train });
    const r = summarize(evaluate(s, val.test));
    log(`${JSON.stringify(config)} → R ${r.recall.toFixed(4)} N ${r.ndcg.toFixed(4)}`);
    return { config, val: r };
  });
  return out.sort((a, b) => b.val.recall + b.val.ndcg - (a.val.recall + a.val.ndcg));
}

/** Cartesian product helper for grids. */
export function product<T extends Record<string, unknown[]>>(axes: T): Array<{ [K in keyof T]: T[K][number] }> {
  let acc: Array<Record<string, unknown>> = [{}];
  for (const [k, vs] of Object.entries(axes)) acc = acc.flatMap((a) => vs.map((v) => ({ ...a, [k]: v })));
  return acc as Array<{ [K in keyof T]: T[K][number] }>;
}
