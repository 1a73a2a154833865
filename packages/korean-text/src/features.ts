import { decomposeHangul, stripKoreanSuffix } from './hangul.js';

/** Character n-gram range with the weight its features get in the final vector. */
export interface NgramSpec {
  min: number;
  max: number;
  weight: number;
}

/**
 * Which features {@link extractFeatures} emits. Features are 32-bit hashes, not strings, so
 * that vectorising 100k profiles allocates no substrings; the low two bits of each hash hold
 * its family, which is how family weights are applied later.
 */
export interface FeatureOptions {
  /** N-grams inside each word, padded with begin/end markers so that word starts and ends count. */
  wordNgrams: NgramSpec | null;
  /** N-grams across the whole text, spaces included — the classic "char" analyser. */
  textNgrams: NgramSpec | null;
  /** N-grams over jamo (initial/medial/final), inside each word. */
  jamoNgrams: NgramSpec | null;
  /** Whole word after particle/ending stripping. */
  stems: { weight: number } | null;
  /** Strip particles and endings before word and jamo n-grams as well (stems always strip). */
  stripSuffixes: boolean;
}

/** Feature families, stored in the low two bits of a feature id. */
export const FeatureFamily = { Word: 0, Text: 1, Jamo: 2, Stem: 3 } as const;
/** One of the {@link FeatureFamily} values. */
export type FeatureFamily = (typeof FeatureFamily)[keyof typeof FeatureFamily];

/** Plain whole-text character bigrams: the reference baseline the benchmark compares against. */
export const BASELINE_FEATURES: FeatureOptions = {
  wordNgrams: null,
  textNgrams: { min: 2, max: 2, weight: 1 },
  jamoNgrams: null,
  stems: null,
  stripSuffixes: false,
};

/**
 * Defaults chosen on KorSTS dev (see src/bench/korsts-tune.ts); KorSTS test is only reported,
 * never used for choosing.
 */
export const DEFAULT_FEATURES: FeatureOptions = {
  wordNgrams: { min: 1, max: 2, weight: 1 },
  textNgrams: null,
  jamoNgrams: { min: 2, max: 3, weight: 1 },
  stems: null,
  stripSuffixes: false,
};

/** Sorted distinct feature ids with raw counts, before corpus weighting. */
export interface FeatureBag {
  ids: Uint32Array;
  counts: Float32Array;
  /** Total number of features emitted (the document length used by BM25). */
  length: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_START = 0x02;
const WORD_END = 0x03;
const FAMILY_SEEDS = [FNV_OFFSET, Math.imul(FNV_OFFSET ^ 0x5a, FNV_PRIME) >>> 0, Math.imul(FNV_OFFSET ^ 0xa5, FNV_PRIME) >>> 0, Math.imul(FNV_OFFSET ^ 0x3c, FNV_PRIME) >>> 0];

/** Family of a feature id. */
export function featureFamily(id: number): FeatureFamily {
  return (id & 3) as FeatureFamily;
}

class IdBuffer {
  data = new Uint32Array(256);
  size = 0;
  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }
}

// One scratch buffer is enough: extraction is synchronous and never re-entrant.
const scratch = new IdBuffer();

function emitNgrams(codes: string, spec: NgramSpec, family: FeatureFamily, markers: boolean, out: IdBuffer): void {
  const seed = FAMILY_SEEDS[family];
  const len = codes.length;
  for (let i = 0; i < len; i++) {
    let h = seed;
    for (let n = 1; n <= spec.max && i + n <= len; n++) {
      h = Math.imul(h ^ codes.charCodeAt(i + n - 1), FNV_PRIME);
      if (n < spec.min) continue;
      // A lone boundary marker says nothing about the text.
      if (n === 1 && markers && (i === 0 || i === len - 1)) continue;
      out.push(((h & ~3) | family) >>> 0);
    }
  }
}

function hashWhole(text: string, family: FeatureFamily): number {
  let h = FAMILY_SEEDS[family];
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return ((h & ~3) | family) >>> 0;
}

const MARK_START = String.fromCharCode(WORD_START);
const MARK_END = String.fromCharCode(WORD_END);

/**
 * Turns already-normalised (and, if wanted, synonym-expanded) text into a bag of hashed
 * features. Hash collisions are possible but rare (≈ n²/2³³) and only add a little noise.
 */
export function extractFeatures(normalizedText: string, options: FeatureOptions): FeatureBag {
  const out = scratch;
  out.size = 0;
  if (options.textNgrams && normalizedText.length > 0) emitNgrams(normalizedText, options.textNgrams, FeatureFamily.Text, false, out);
  if (options.wordNgrams || options.jamoNgrams || options.stems) {
    for (const raw of normalizedText.split(' ')) {
      if (raw.length === 0) continue;
      const stem = stripKoreanSuffix(raw);
      const word = options.stripSuffixes ? stem : raw;
      if (options.wordNgrams) emitNgrams(MARK_START + word + MARK_END, options.wordNgrams, FeatureFamily.Word, true, out);
      if (options.jamoNgrams) emitNgrams(MARK_START + decomposeHangul(word) + MARK_END, options.jamoNgrams, FeatureFamily.Jamo, true, out);
      if (options.stems) out.push(hashWhole(stem, FeatureFamily.Stem));
    }
  }
  const sorted = out.data.subarray(0, out.size).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const ids = new Uint32Array(distinct);
  const counts = new Float32Array(distinct);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) ids[++k] = sorted[i];
    counts[k]++;
  }
  return { ids, counts, length: sorted.length };
}
