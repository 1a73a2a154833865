import { DEFAULT_SYNONYMS } from './dictionaries.js';
import { DEFAULT_FEATURES, extractFeatures, featureFamily, type FeatureBag, type FeatureOptions } from './features.js';
import { normalize } from './normalize.js';
import { dot, type SparseVector } from './sparse.js';
import { SynonymDictionary, type SynonymExpansionMode, type SynonymList } from './synonyms.js';

/** How raw feature counts become weights. */
export interface WeightingOptions {
  /** `tfidf`: (1 + ln tf) · idf when sublinear; `bm25`: Okapi saturation with length normalisation. */
  scheme: 'tfidf' | 'bm25';
  /** TF-IDF only: damp repeated n-grams so one long repeated word cannot dominate. */
  sublinearTf: boolean;
  /** BM25 saturation. */
  k1: number;
  /** BM25 length normalisation (0 = none, 1 = full). */
  b: number;
  /** Exponent on idf; above 1 lets rare, content-bearing n-grams outweigh common endings more strongly. */
  idfPower: number;
  /**
   * `joint`: one L2 normalisation over all features. `per-family`: each feature family is
   * normalised on its own and scaled by its weight, so similarity is a weighted mean of
   * per-family cosines and a family with many n-grams (jamo) cannot drown the others.
   */
  normalization: 'joint' | 'per-family';
}

/** Defaults chosen on KorSTS dev (see src/bench/korsts-tune.ts). */
export const DEFAULT_WEIGHTING: WeightingOptions = { scheme: 'tfidf', sublinearTf: true, k1: 1.2, b: 0.75, idfPower: 1, normalization: 'joint' };

/** Everything that decides how text becomes a vector; one object so that a config file can choose it. */
export interface TextIndexOptions {
  features?: Partial<FeatureOptions>;
  weighting?: Partial<WeightingOptions>;
  /** Synonyms expanded before feature extraction; defaults to {@link DEFAULT_SYNONYMS}, `null` turns expansion off. */
  synonyms?: SynonymList | SynonymDictionary | null;
  synonymMode?: SynonymExpansionMode;
  /**
   * Extra texts that only contribute document frequencies. Useful when the indexed set is
   * small (one round's requests) but a larger corpus (all past requests) knows better which
   * n-grams are common.
   */
  background?: Iterable<string>;
}

/** A document to index. */
export interface IndexedDocument {
  id: string;
  text: string;
}

/** A search hit. */
export interface ScoredDocument {
  id: string;
  /** Position of the document in the array given to {@link TextIndex.fit}. */
  index: number;
  /** Cosine similarity in [0, 1]. */
  score: number;
}

const FAMILY_COUNT = 4;

/**
 * A fitted vector space over a corpus: document frequencies come from the corpus, documents
 * are stored as unit vectors, and an inverted index answers top-k queries by touching only
 * documents that share a feature with the query.
 */
export class TextIndex {
  private readonly features: FeatureOptions;
  private readonly weighting: WeightingOptions;
  private readonly synonyms: SynonymDictionary | null;
  private readonly synonymMode: SynonymExpansionMode;
  private readonly familyWeights: Float64Array;
  /** Feature id → term index. */
  private readonly vocabulary = new Map<number, number>();
  private idf = new Float64Array(0);
  private idfUnseen = 0;
  private avgLength = 1;
  private readonly ids: string[];
  private readonly docVectors: SparseVector[] = [];
  private postingOffsets = new Uint32Array(1);
  private postingDocs = new Uint32Array(0);
  private postingWeights = new Float32Array(0);
  private scores = new Float64Array(0);
  private touchedMark = new Uint8Array(0);

  private constructor(docs: readonly IndexedDocument[], options: TextIndexOptions) {
    this.features = { ...DEFAULT_FEATURES, ...options.features };
    this.weighting = { ...DEFAULT_WEIGHTING, ...options.weighting };
    const syn = options.synonyms === undefined ? DEFAULT_SYNONYMS : options.synonyms;
    this.synonyms = syn == null ? null : syn instanceof SynonymDictionary ? syn : SynonymDictionary.from(syn);
    this.synonymMode = options.synonymMode ?? 'append-all';
    this.familyWeights = new Float64Array(FAMILY_COUNT);
    this.familyWeights[0] = this.features.wordNgrams?.weight ?? 0;
    this.familyWeights[1] = this.features.textNgrams?.weight ?? 0;
    this.familyWeights[2] = this.features.jamoNgrams?.weight ?? 0;
    this.familyWeights[3] = this.features.stems?.weight ?? 0;
    this.ids = docs.map((d) => d.id);
  }

  /** Fits document frequencies on `docs` (plus `options.background`) and indexes `docs`. */
  static fit(docs: readonly IndexedDocument[], options: TextIndexOptions = {}): TextIndex {
    const index = new TextIndex(docs, options);
    index.build(docs, options.background ?? []);
    return index;
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.ids.length;
  }

  /** The text actually fed to feature extraction: normalised, then synonym-expanded. */
  prepare(text: string): string {
    return this.synonyms ? this.synonyms.expand(text, this.synonymMode) : normalize(text);
  }

  private bag(text: string): FeatureBag {
    return extractFeatures(this.prepare(text), this.features);
  }

  private build(docs: readonly IndexedDocument[], background: Iterable<string>): void {
    const df = new Map<number, number>();
    let n = 0;
    let totalLength = 0;
    const count = (bag: FeatureBag): void => {
      n++;
      totalLength += bag.length;
      for (let i = 0; i < bag.ids.length; i++) df.set(bag.ids[i], (df.get(bag.ids[i]) ?? 0) + 1);
    };
    const bags = docs.map((d) => this.bag(d.text));
    bags.forEach(count);
    for (const text of background) count(this.bag(text));
    this.avgLength = n > 0 ? Math.max(1, totalLength / n) : 1;

    // Term indices follow sorted feature ids so that the index does not depend on Map order.
    const terms = [...df.keys()].sort((a, b) => a - b);
    this.idf = new Float64Array(terms.length);
    terms.forEach((id, t) => {
      this.vocabulary.set(id, t);
      this.idf[t] = this.idfOf(df.get(id) ?? 0, n) ** this.weighting.idfPower;
    });
    this.idfUnseen = this.idfOf(0, n) ** this.weighting.idfPower;

    const postingCounts = new Uint32Array(terms.length + 1);
    for (const bag of bags) {
      const v = this.weigh(bag);
      this.docVectors.push(v);
      for (let i = 0; i < v.ids.length; i++) {
        const t = this.vocabulary.get(v.ids[i]);
        if (t !== undefined) postingCounts[t + 1]++;
      }
    }
    for (let t = 0; t < terms.length; t++) postingCounts[t + 1] += postingCounts[t];
    this.postingOffsets = postingCounts;
    const total = postingCounts[terms.length];
    this.postingDocs = new Uint32Array(total);
    this.postingWeights = new Float32Array(total);
    const cursor = postingCounts.slice(0, terms.length);
    this.docVectors.forEach((v, d) => {
      for (let i = 0; i < v.ids.length; i++) {
        const t = this.vocabulary.get(v.ids[i]);
        if (t === undefined) continue;
        const p = cursor[t]++;
        this.postingDocs[p] = d;
        this.postingWeights[p] = v.weights[i];
      }
    });
    this.scores = new Float64Array(docs.length);
    this.touchedMark = new Uint8Array(docs.length);
  }

  private idfOf(df: number, n: number): number {
    if (this.weighting.scheme === 'bm25') return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return Math.log((n + 1) / (df + 1)) + 1;
  }

  private weigh(bag: FeatureBag): SparseVector {
    const { scheme, sublinearTf, k1, b } = this.weighting;
    const ids = bag.ids;
    const weights = new Float32Array(ids.length);
    const lengthNorm = k1 * (1 - b + (b * bag.length) / this.avgLength);
    const sumSq = new Float64Array(FAMILY_COUNT);
    for (let i = 0; i < ids.length; i++) {
      const tf = bag.counts[i];
      const t = this.vocabulary.get(ids[i]);
      const idf = t === undefined ? this.idfUnseen : this.idf[t];
      const tfw = scheme === 'bm25' ? (tf * (k1 + 1)) / (tf + lengthNorm) : sublinearTf ? 1 + Math.log(tf) : tf;
      const w = tfw * idf;
      weights[i] = w;
      sumSq[featureFamily(ids[i])] += w * w;
    }
    const scale = new Float64Array(FAMILY_COUNT);
    if (this.weighting.normalization === 'per-family') {
      // Weighted mean of per-family cosines: each family block gets length sqrt(weight / Σ present weights).
      let present = 0;
      for (let f = 0; f < FAMILY_COUNT; f++) if (sumSq[f] > 0) present += this.familyWeights[f];
      for (let f = 0; f < FAMILY_COUNT; f++) {
        scale[f] = sumSq[f] > 0 && present > 0 ? Math.sqrt(this.familyWeights[f] / present / sumSq[f]) : 0;
      }
    } else {
      let total = 0;
      for (let f = 0; f < FAMILY_COUNT; f++) total += sumSq[f] * this.familyWeights[f] * this.familyWeights[f];
      for (let f = 0; f < FAMILY_COUNT; f++) scale[f] = total > 0 ? this.familyWeights[f] / Math.sqrt(total) : 0;
    }
    for (let i = 0; i < weights.length; i++) weights[i] *= scale[featureFamily(ids[i])];
    return { ids, weights };
  }

  /**
   * Unit-length vector of any text, indexed or not. Features never seen during fitting get
   * the highest idf, because a rare word in a query is still evidence against a match.
   */
  vector(text: string): SparseVector {
    return this.weigh(this.bag(text));
  }

  /** Stored vector of the document at `index` (position in the fitted array). */
  documentVector(index: number): SparseVector {
    return this.docVectors[index];
  }

  /** Cosine similarity of two texts (or vectors from this index). */
  similarity(a: string | SparseVector, b: string | SparseVector): number {
    const va = typeof a === 'string' ? this.vector(a) : a;
    const vb = typeof b === 'string' ? this.vector(b) : b;
    return dot(va, vb);
  }

  /**
   * The `k` most similar indexed documents with a score above `minScore` (default 0), best
   * first; equal scores keep corpus order so that results are reproducible.
   */
  topK(query: string | SparseVector, k: number, options: { minScore?: number; excludeIndex?: number } = {}): ScoredDocument[] {
    const q = typeof query === 'string' ? this.vector(query) : query;
    const scores = this.scores;
    const mark = this.touchedMark;
    const touched: number[] = [];
    for (let i = 0; i < q.ids.length; i++) {
      const t = this.vocabulary.get(q.ids[i]);
      if (t === undefined) continue;
      const w = q.weights[i];
      for (let p = this.postingOffsets[t]; p < this.postingOffsets[t + 1]; p++) {
        const d = this.postingDocs[p];
        if (mark[d] === 0) {
          mark[d] = 1;
          touched.push(d);
        }
        scores[d] += w * this.postingWeights[p];
      }
    }
    const minScore = options.minScore ?? 0;
    const heap = new TopKHeap(Math.max(0, Math.floor(k)));
    for (const d of touched) {
      const s = scores[d];
      scores[d] = 0;
      mark[d] = 0;
      if (s > minScore && d !== options.excludeIndex) heap.offer(d, s);
    }
    return heap.sorted().map(([d, s]) => ({ id: this.ids[d], index: d, score: s }));
  }
}

/** Min-heap of the best k (score desc, index asc) pairs seen so far. */
class TopKHeap {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** True when (da, sa) ranks below (db, sb). */
  private worse(i: number, j: number): boolean {
    const si = this.scores[i];
    const sj = this.scores[j];
    return si < sj || (si === sj && this.docs[i] > this.docs[j]);
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j], this.docs[i]];
    [this.scores[i], this.scores[j]] = [this.scores[j], this.scores[i]];
  }

  offer(doc: number, score: number): void {
    if (this.k === 0) return;
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      let i = this.docs.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.scores[0];
    if (score < rootScore || (score === rootScore && doc > this.docs[0])) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    let i = 0;
    const n = this.docs.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.worse(l, m)) m = l;
      if (r < n && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): Array<[number, number]> {
    const pairs = this.docs.map((d, i): [number, number] => [d, this.scores[i]]);
    return pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}
