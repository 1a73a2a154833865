import crypto from 'node:crypto';
import { loadStrategy, type RecommendationStrategy } from '@kok/recommender';
import type { MikroORM } from '@mikro-orm/postgresql';
import { now } from '../../common/clock.js';
import type { Logger } from '../../common/logger.js';
import { loadSnapshot } from './snapshot.loader.js';

/**
 * Holds the fitted recommendation model of this API process. Answers come from memory; a refit
 * builds a new model off to the side and swaps it in, so requests never wait for a fit (except
 * the very first one after start).
 */
export class RecommenderHost {
  /** Identifies this process in refit broadcasts (it does not refit twice for its own request). */
  readonly instanceId = crypto.randomUUID();
  private current: { strategy: RecommendationStrategy; fittedAt: Date; servants: number; courses: number; interactions: number } | null = null;
  private fitting: Promise<void> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly strategyName: string,
    private readonly log: Logger,
  ) {}

  /** Fits a fresh model from the database and swaps it in. Concurrent calls share one fit. */
  refit(): Promise<void> {
    this.fitting ??= (async () => {
      try {
        const started = Date.now();
        const snapshot = await loadSnapshot(this.orm.em.fork(), now());
        const strategy = await loadStrategy(this.strategyName);
        await strategy.fit(snapshot);
        this.current = { strategy, fittedAt: now(), servants: snapshot.servants.length, courses: snapshot.courses.length, interactions: snapshot.interactions.length };
        this.log.info('recommender fitted', { strategy: strategy.name, ms: Date.now() - started, courses: snapshot.courses.length, interactions: snapshot.interactions.length });
      } finally {
        this.fitting = null;
      }
    })();
    return this.fitting;
  }

  /** The fitted model (waits for the first fit only). */
  async model(): Promise<NonNullable<RecommenderHost['current']>> {
    if (!this.current) await (this.fitting ?? this.refit());
    return this.current!;
  }

  get status(): { fittedAt: Date | null; strategy: string } {
    return { fittedAt: this.current?.fittedAt ?? null, strategy: this.current?.strategy.name ?? this.strategyName };
  }
}
