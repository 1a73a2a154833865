import { reason } from './messages.js';
import { EaseModel } from './model/ease.js';
import { InteractionIndex } from './model/interaction-index.js';
import { ItemKnnModel } from './model/item-knn.js';
import type { RecommendationStrategy } from './recommendation-strategy.js';
import { allowedMask, buildUserState, topK } from './strategy-support.js';
import type {
  Reason,
  RecommendedItem,
  RecommenderSnapshot,
  RecommendOptions,
  RecommendSubjectsOptions,
  ServantFeatures,
  SubjectRecommendation,
} from './types.js';

/**
 * Shared plumbing of the single-signal baselines: exclusions, top-k and category subjects.
 * The baselines exist to be measured against (benchmark) and as simple, predictable
 * settings an operator can switch to.
 */
abstract class SingleSignalStrategy implements RecommendationStrategy {
  abstract readonly name: string;
  protected index?: InteractionIndex;

  fit(snapshot: RecommenderSnapshot): void {
    this.index = new InteractionIndex(snapshot);
    this.fitModel(this.index);
  }

  protected abstract fitModel(index: InteractionIndex): void;
  protected abstract scores(history: number[], out: Float64Array): void;
  protected abstract reasonFor(history: number[], item: number): Reason;

  protected fitted(): InteractionIndex {
    if (!this.index) throw new Error(`${this.name}: recommend() called before fit()`);
    return this.index;
  }

  private ranked(servant: string | ServantFeatures, options: RecommendOptions | RecommendSubjectsOptions, k: number) {
    const index = this.fitted();
    const state = buildUserState(index, servant, options.recentInteractions);
    const mask = allowedMask(index, state, options);
    const scores = new Float64Array(index.nItems);
    this.scores([...state.history, ...state.interested], scores);
    // Popularity breaks ties (and answers servants with no history) in every baseline.
    let max = 0;
    for (const c of index.itemCounts) max = Math.max(max, c);
    for (let i = 0; i < scores.length; i++) scores[i] += (1e-6 * index.itemCounts[i]) / (max || 1);
    return { state, scores, items: topK(scores, mask, k) };
  }

  recommend(servant: string | ServantFeatures, options: RecommendOptions): RecommendedItem[] {
    const index = this.fitted();
    const { state, scores, items } = this.ranked(servant, options, options.k);
    return items.map((i) => ({ courseId: index.courseIds[i], score: scores[i], reasons: [this.reasonFor(state.history, i)] }));
  }

  recommendSubjects(servant: string | ServantFeatures, options: RecommendSubjectsOptions): SubjectRecommendation[] {
    const index = this.fitted();
    const { state, scores, items } = this.ranked(servant, options, 50);
    const byCat = new Map<string, number[]>();
    for (const i of items) {
      const c = index.courses[i].category;
      if (c !== undefined) byCat.set(c, [...(byCat.get(c) ?? []), i]);
    }
    return [...byCat]
      .map(([subject, is]) => ({
        kind: 'CATEGORY' as const,
        subject,
        score: is.slice(0, 3).reduce((a, i) => a + scores[i], 0),
        courseIds: is.slice(0, 3).map((i) => index.courseIds[i]),
        reasons: [this.reasonFor(state.history, is[0])],
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.k);
  }

  protected similarReason(history: number[], item: number, pair: (j: number, i: number) => number): Reason {
    const index = this.fitted();
    let best = -1;
    let bestV = 0;
    for (const j of history) {
      const v = pair(j, item);
      if (v > bestV) {
        bestV = v;
        best = j;
      }
    }
    if (best < 0) return reason('POPULAR', {});
    return reason('SIMILAR_TO_COMPLETED', { course: index.courses[best].title ?? index.courseIds[best], courseId: index.courseIds[best] });
  }
}

/** Global popularity (distinct servants per course): the floor every model must beat. */
export class PopularityStrategy extends SingleSignalStrategy {
  readonly name = 'popularity';
  protected fitModel(): void {}
  protected scores(_history: number[], out: Float64Array): void {
    const index = this.fitted();
    for (let i = 0; i < out.length; i++) out[i] = index.itemCounts[i];
  }
  protected reasonFor(): Reason {
    return reason('POPULAR', {});
  }
}

/** Item-kNN with cosine similarity over the top-N neighbours of each course. */
export class ItemKnnStrategy extends SingleSignalStrategy {
  readonly name = 'item-knn';
  private model?: ItemKnnModel;
  constructor(private readonly topN = 100) {
    super();
  }
  protected fitModel(index: InteractionIndex): void {
    this.model = ItemKnnModel.fit(index, this.topN);
  }
  protected scores(history: number[], out: Float64Array): void {
    this.model?.scoreInto(history, out);
  }
  protected reasonFor(history: number[], item: number): Reason {
    return this.similarReason(history, item, (j, i) => this.model?.pair(j, i) ?? 0);
  }
}

/** EASE; falls back to item-kNN above `maxItems` courses, where the dense inverse gets too slow. */
export class EaseStrategy extends SingleSignalStrategy {
  readonly name = 'ease';
  private ease?: EaseModel;
  private knn?: ItemKnnModel;
  constructor(
    private readonly lambda = 10,
    private readonly maxItems = 2000,
  ) {
    super();
  }
  protected fitModel(index: InteractionIndex): void {
    this.ease = undefined;
    this.knn = undefined;
    if (index.nItems <= this.maxItems) this.ease = EaseModel.fit(index, this.lambda);
    else this.knn = ItemKnnModel.fit(index, 100);
  }
  protected scores(history: number[], out: Float64Array): void {
    if (this.ease) this.ease.scoreInto(history, out);
    else this.knn?.scoreInto(history, out);
  }
  protected reasonFor(history: number[], item: number): Reason {
    return this.similarReason(history, item, (j, i) => (this.ease ? this.ease.pair(j, i) : (this.knn?.pair(j, i) ?? 0)));
  }
}
