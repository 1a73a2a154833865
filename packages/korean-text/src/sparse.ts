/**
 * A sparse vector as parallel typed arrays sorted by feature id. Typed arrays rather than a
 * Map because 100k profile vectors must stay compact and dot products must be a linear merge.
 */
export interface SparseVector {
  readonly ids: Uint32Array;
  readonly weights: Float32Array;
}

/** Dot product by merging the sorted id lists. */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) {
      sum += a.weights[i++] * b.weights[j++];
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return sum;
}

/** Euclidean length. */
export function norm(v: SparseVector): number {
  let s = 0;
  for (let i = 0; i < v.weights.length; i++) s += v.weights[i] * v.weights[i];
  return Math.sqrt(s);
}

/** Cosine similarity; 0 when either vector is empty, so blank text is similar to nothing. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return 0;
  return dot(a, b) / (na * nb);
}

/** Converts to a Map for callers that prefer it (debugging, JSON); the typed form is the fast path. */
export function toMap(v: SparseVector): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < v.ids.length; i++) m.set(v.ids[i], v.weights[i]);
  return m;
}
