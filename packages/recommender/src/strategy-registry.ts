import { pathToFileURL } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import { EaseStrategy, ItemKnnStrategy, PopularityStrategy } from './baselines.js';
import { HybridStrategy, type HybridOptionsInput, type RecommendationStrategy } from './recommendation-strategy.js';

/** Creates a fresh, unfitted strategy; options come from the API's config (may be ignored). */
export type StrategyFactory = (options?: Record<string, unknown>) => RecommendationStrategy;

const registry = new Map<string, StrategyFactory>([
  ['hybrid', (o) => new HybridStrategy((o ?? {}) as HybridOptionsInput)],
  ['popularity', () => new PopularityStrategy()],
  ['item-knn', (o) => new ItemKnnStrategy(typeof o?.topN === 'number' ? o.topN : undefined)],
  ['ease', (o) => new EaseStrategy(typeof o?.lambda === 'number' ? o.lambda : undefined)],
]);

/** Registers a strategy under a name so a setting can choose it (e.g. from a plugin's init code). */
export function registerStrategy(name: string, factory: StrategyFactory): void {
  registry.set(name, factory);
}

/** Names that `createStrategy`/`loadStrategy` accept without a module path. */
export function strategyNames(): string[] {
  return [...registry.keys()];
}

/** Creates a registered strategy by name; throws on an unknown name, listing the known ones. */
export function createStrategy(name: string, options?: Record<string, unknown>): RecommendationStrategy {
  const factory = registry.get(name);
  if (!factory) throw new Error(`Unknown recommendation strategy '${name}'. Known: ${strategyNames().join(', ')}`);
  return factory(options);
}

function isStrategy(x: unknown): x is RecommendationStrategy {
  const s = x as Partial<RecommendationStrategy> | null;
  return !!s && typeof s.fit === 'function' && typeof s.recommend === 'function' && typeof s.recommendSubjects === 'function';
}

/**
 * Chooses a strategy from one setting (e.g. `RECOMMENDER_STRATEGY`):
 * - a registered name: 'hybrid' (default), 'popularity', 'item-knn', 'ease';
 * - or a module path/URL (anything containing '/' or ending in .js/.mjs): the module is
 *   imported and must export a factory, as `default` or `createStrategy`, returning a
 *   `RecommendationStrategy` (a class with a no-argument constructor also works).
 *   Relative paths resolve against `baseDir` (default: the process's working directory).
 */
export async function loadStrategy(
  nameOrPath: string,
  options?: Record<string, unknown>,
  baseDir: string = process.cwd(),
): Promise<RecommendationStrategy> {
  if (registry.has(nameOrPath)) return createStrategy(nameOrPath, options);
  const looksLikePath = /[\\/]/.test(nameOrPath) || /\.(c|m)?js$/.test(nameOrPath) || nameOrPath.startsWith('file:');
  if (!looksLikePath) return createStrategy(nameOrPath, options); // throws with the known names
  const url = nameOrPath.startsWith('file:') ? nameOrPath : pathToFileURL(isAbsolute(nameOrPath) ? nameOrPath : resolve(baseDir, nameOrPath)).href;
  // The module's shape is unknown until checked below.
  const mod = (await import(url)) as Record<string, unknown>;
  const exported = mod.default ?? mod.createStrategy;
  if (typeof exported !== 'function') throw new Error(`Module ${nameOrPath} must export a strategy factory as default or createStrategy`);
  let made: unknown;
  try {
    made = (exported as StrategyFactory)(options);
  } catch (e) {
    // A class cannot be called without `new`; accept it too.
    if (e instanceof TypeError) made = new (exported as new (o?: Record<string, unknown>) => unknown)(options);
    else throw e;
  }
  if (!isStrategy(made)) throw new Error(`Module ${nameOrPath} did not produce a RecommendationStrategy (fit, recommend, recommendSubjects)`);
  return made;
}
