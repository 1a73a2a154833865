// Development helper: a wide validation grid (results inform DEFAULT_HYBRID_OPTIONS).
import { loadCnpcSplit } from '../data/cnpc.js';
import { resolveCnpcDir } from './data-dir.js';
import { product, tuneOnValidation } from './tune.js';

const split = await loadCnpcSplit(resolveCnpcDir());
const grid = product({
  collaborative: [0.1, 0.3, 0.6],
  content: [0, 0.1, 0.3],
  popularity: [0, 0.05],
  decay: [0.3, 0.5],
  div: [0, 0.01, 0.03],
}).map((g) => ({
  weights: { collaborative: g.collaborative, content: g.content, popularity: g.popularity },
  sequential: { decay: g.decay },
  sameCategoryPenalty: g.div,
}));
const res = tuneOnValidation(split, grid);
for (const r of res.slice(0, 15)) console.log(JSON.stringify(r.config), r.val.recall.toFixed(4), r.val.ndcg.toFixed(4));
