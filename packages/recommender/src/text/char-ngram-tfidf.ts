/**
 * A small character n-gram TF-IDF, self-contained on purpose: Korean words inflect and
 * compound ("생성형AI", "생성형 인공지능 활용"), so whole-word matching misses most matches,
 * while overlapping character bigrams/trigrams survive spacing and particles. It can be swapped
 * for the shared packages/korean-text implementation later without changing callers.
 */

/** A sparse L2-normalised vector: feature ids ascending, with weights. */
export interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), values: new Float32Array(0) };

/** NFC, lower case, punctuation to spaces, whitespace folded (CONVENTIONS: normalise Korean text). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Character n-grams of each word with boundary markers, so short words (엑셀, AI) still match. */
export function charNgrams(text: string, sizes: readonly number[] = [2, 3]): string[] {
  const out: string[] = [];
  const norm = normalizeText(text);
  if (!norm) return out;
  for (const word of norm.split(' ')) {
    const padded = ` ${word} `;
    const chars = Array.from(padded);
    for (const n of sizes) {
      if (chars.length < n) continue;
      for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
    }
  }
  return out;
}

/** A TF-IDF model fitted on the course corpus, with an inverted index for fast query scoring. */
export class CharNgramTfidf {
  private readonly vocab = new Map<string, number>();
  private idf = new Float32Array(0);
  /** Document vectors (one per fitted document). */
  docs: SparseVector[] = [];
  private postingsDoc: Int32Array[] = [];
  private postingsWeight: Float32Array[] = [];

  constructor(private readonly sizes: readonly number[] = [2, 3]) {}

  get size(): number {
    return this.docs.length;
  }

  fit(texts: readonly string[]): this {
    const grams = texts.map((t) => charNgrams(t, this.sizes));
    const df: number[] = [];
    for (const g of grams) {
      const seen = new Set<number>();
      for (const gram of g) {
        let id = this.vocab.get(gram);
        if (id === undefined) {
          id = this.vocab.size;
          this.vocab.set(gram, id);
          df.push(0);
        }
        if (!seen.has(id)) {
          seen.add(id);
          df[id]++;
        }
      }
    }
    const n = texts.length;
    this.idf = new Float32Array(df.length);
    for (let i = 0; i < df.length; i++) this.idf[i] = Math.log((1 + n) / (1 + df[i])) + 1;
    this.docs = grams.map((g) => this.vectorFromGrams(g));
    const counts = new Int32Array(df.length);
    for (const d of this.docs) for (const id of d.ids) counts[id]++;
    this.postingsDoc = Array.from(counts, (c) => new Int32Array(c));
    this.postingsWeight = Array.from(counts, (c) => new Float32Array(c));
    const fill = new Int32Array(df.length);
    this.docs.forEach((d, doc) => {
      for (let k = 0; k < d.ids.length; k++) {
        const id = d.ids[k];
        this.postingsDoc[id][fill[id]] = doc;
        this.postingsWeight[id][fill[id]++] = d.values[k];
      }
    });
    return this;
  }

  /** Vectorises a query; n-grams unseen in the corpus carry no information and are dropped. */
  vectorize(text: string): SparseVector {
    return this.vectorFromGrams(charNgrams(text, this.sizes));
  }

  private vectorFromGrams(grams: string[]): SparseVector {
    const tf = new Map<number, number>();
    for (const g of grams) {
      const id = this.vocab.get(g);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    if (tf.size === 0) return EMPTY_VECTOR;
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const values = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      // Sublinear tf: a repeated n-gram in a long description should not dominate.
      const w = (1 + Math.log(tf.get(id) ?? 1)) * this.idf[id];
      values[k] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm);
    for (let k = 0; k < values.length; k++) values[k] /= norm;
    return { ids, values };
  }

  /** Adds `weight × cosine(query, doc)` into `out[doc]` for every document. */
  scoreInto(query: SparseVector, out: Float64Array, weight = 1): void {
    for (let k = 0; k < query.ids.length; k++) {
      const id = query.ids[k];
      const q = query.values[k] * weight;
      const docs = this.postingsDoc[id];
      const ws = this.postingsWeight[id];
      for (let p = 0; p < docs.length; p++) out[docs[p]] += q * ws[p];
    }
  }
}

/** Cosine of two L2-normalised sparse vectors (merge join over sorted ids). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) s += a.values[i++] * b.values[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}
