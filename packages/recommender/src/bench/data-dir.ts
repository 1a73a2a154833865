import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CNPC_FILES } from '../data/cnpc.js';

/**
 * Finds ../shared/data/cnpc: CNPC_DIR wins; otherwise walk up from this file and from the
 * working directory and try `<dir>/shared/data/cnpc` and `<dir>/../shared/data/cnpc`
 * (the repo is /work/main with the shared data at the sibling /work/shared).
 */
export function resolveCnpcDir(): string {
  const fromEnv = process.env.CNPC_DIR;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, CNPC_FILES.train))) throw new Error(`CNPC_DIR=${fromEnv} does not hold ${CNPC_FILES.train}`);
    return resolve(fromEnv);
  }
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      for (const c of [join(dir, 'shared', 'data', 'cnpc'), join(dir, '..', 'shared', 'data', 'cnpc')]) {
        if (existsSync(join(c, CNPC_FILES.train))) return resolve(c);
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('CNPC data not found: set CNPC_DIR to the folder holding train_valid_data_cnpc_v2.json');
}
