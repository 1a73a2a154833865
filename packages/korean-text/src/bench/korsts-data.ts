import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One KorSTS sentence pair. */
export interface StsPair {
  score: number;
  a: string;
  b: string;
}

/**
 * Finds the KorSTS folder: $KORSTS_DIR first, then `shared/data/korsts` next to any ancestor
 * of this file (the repository's sibling `shared` folder), whether run from src or dist.
 */
export function korstsDir(): string {
  const fromEnv = process.env.KORSTS_DIR;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'sts-test.tsv'))) throw new Error(`KORSTS_DIR=${fromEnv} has no sts-test.tsv`);
    return resolve(fromEnv);
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, 'shared', 'data', 'korsts'), join(dir, '..', 'shared', 'data', 'korsts')]) {
      if (existsSync(join(candidate, 'sts-test.tsv'))) return resolve(candidate);
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('KorSTS not found: set KORSTS_DIR or place it at ../shared/data/korsts relative to the repository root');
}

/** Reads a KorSTS split (`train`, `dev`, `test`). Lines are split on tabs only: the files are not quoted CSV. */
export function readSplit(split: 'train' | 'dev' | 'test', dir: string = korstsDir()): StsPair[] {
  const lines = readFileSync(join(dir, `sts-${split}.tsv`), 'utf8').split('\n');
  const pairs: StsPair[] = [];
  for (const line of lines.slice(1)) {
    const cols = line.replace(/\r$/, '').split('\t');
    if (cols.length < 7) continue;
    const score = Number(cols[4]);
    if (!Number.isFinite(score)) continue;
    pairs.push({ score, a: cols[5], b: cols[6] });
  }
  return pairs;
}

/** The task the README asks for: is the pair highly similar (score ≥ 4)? */
export const isPositive = (p: StsPair): boolean => p.score >= 4;
