// Development helper: published-split numbers only (not part of the benchmark table).
import { loadCnpcSplit, holdOutLast } from '../data/cnpc.js';
import { evaluate, summarize } from '../eval/evaluate.js';
import { createStrategy } from '../strategy-registry.js';
import { resolveCnpcDir } from './data-dir.js';

const split = await loadCnpcSplit(resolveCnpcDir());
const which = process.argv[2] ?? 'test';
const data = which === 'val' ? holdOutLast(split.train) : { train: split.train, test: split.test };
const extra = process.argv[3] ? (JSON.parse(process.argv[3]) as Record<string, unknown>) : {};
for (const name of ['popularity', 'item-knn', 'ease', 'hybrid']) {
  const s = createStrategy(name, name === 'hybrid' ? extra : {});
  const t0 = performance.now();
  s.fit({ servants: split.servants, courses: split.courses, interactions: data.train });
  const t1 = performance.now();
  const r = summarize(evaluate(s, data.test));
  console.log(name, r, `fit ${(t1 - t0).toFixed(0)}ms eval ${(performance.now() - t1).toFixed(0)}ms`);
}
