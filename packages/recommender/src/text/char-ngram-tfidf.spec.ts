import { describe, expect, it } from 'vitest';
import { CharNgramTfidf, charNgrams, cosine, normalizeText } from './char-ngram-tfidf.js';

describe('char n-gram TF-IDF', () => {
  it('normalises (NFC, case, punctuation, spaces) before making n-grams', () => {
    // '한' as decomposed jamo (NFD) must match the composed syllable.
    expect(normalizeText('  생성형\u00a0AI,  활용!! ')).toBe('생성형 ai 활용');
    expect(normalizeText('\u1112\u1161\u11ab')).toBe('한');
    expect(charNgrams('엑셀', [2])).toEqual([' 엑', '엑셀', '셀 ']);
  });

  it('matches Korean text across spacing and particles', () => {
    const m = new CharNgramTfidf().fit(['생성형AI 활용 보고서 작성', '공문서 작성법', '등산 안전']);
    const q = m.vectorize('생성형 AI를 활용한');
    const scores = new Float64Array(3);
    m.scoreInto(q, scores);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[2]).toBe(0);
    expect(cosine(m.docs[0], m.docs[0])).toBeCloseTo(1, 5);
  });
});
