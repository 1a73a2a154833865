import { describe, expect, it } from 'vitest';
import { dot } from './sparse.js';
import { TextIndex } from './text-index.js';

const catalogue = [
  '엑셀 함수 활용 실무',
  '스프레드시트 수식 기초',
  '파워포인트 보고서 디자인',
  '생성형 AI로 공문서 작성하기',
  '부동산 세무 실무',
  '지방세 체납 관리',
  '악성 민원 응대 요령',
  '직장 내 괴롭힘 예방 교육',
  '파이썬 데이터 분석 입문',
  '청렴 교육과 반부패 정책',
  '공공기관 개인정보 보호 실무',
  '퇴직 준비와 노후 설계',
].map((text, i) => ({ id: `c${i}`, text }));

describe('TextIndex similarity', () => {
  const index = TextIndex.fit(catalogue);

  it.each([
    ['엑셀 함수 활용 교육 원해요', '스프레드시트 수식 강의', '부동산 세금 신고 방법'],
    ['챗GPT로 보고서 초안 쓰는 법', '생성형 인공지능 활용 공문서 작성', '민원인 폭언 대응 방법'],
    ['악성 민원 대응 교육이 필요합니다', '강성 민원 응대 요령 강의', '파이썬 코딩 입문'],
  ])('scores the paraphrase of "%s" above an unrelated request', (request, paraphrase, unrelated) => {
    expect(index.similarity(request, paraphrase)).toBeGreaterThan(index.similarity(request, unrelated) + 0.1);
  });

  it('gives identical texts similarity 1 and blank text similarity 0', () => {
    expect(index.similarity('엑셀 함수', ' 엑셀  함수! ')).toBeCloseTo(1, 6);
    expect(index.similarity('', '엑셀 함수')).toBe(0);
  });

  it('lets synonyms be switched off', () => {
    const plain = TextIndex.fit(catalogue, { synonyms: null });
    expect(index.similarity('엑셀 강의', '스프레드시트 강의')).toBeGreaterThan(plain.similarity('엑셀 강의', '스프레드시트 강의') + 0.2);
  });

  it('finds the matching course first', () => {
    expect(index.topK('스프레드시트 함수 배우고 싶어요', 3)[0].id).toBe('c1');
    expect(index.topK('부동산 관련 세금 실무', 3)[0].id).toBe('c4');
  });
});

describe('TextIndex.topK', () => {
  // Random texts from a small syllable pool so that many documents overlap and scores tie.
  let seed = 42;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pool = ['교육', '엑셀', '민원', '세무', '데이터', '분석', '보고서', '작성', '안전', '예방', '기초', '심화', 'ai', '실무'];
  const randomText = (): string => Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pool[Math.floor(rand() * pool.length)]).join(' ');
  const docs = Array.from({ length: 400 }, (_, i) => ({ id: `d${i}`, text: randomText() }));
  const index = TextIndex.fit(docs);

  it('returns exactly the brute-force top k (scores and order, ties by corpus position)', () => {
    for (let q = 0; q < 40; q++) {
      const query = randomText();
      const qv = index.vector(query);
      const brute = docs
        .map((d, i) => ({ id: d.id, index: i, score: dot(qv, index.documentVector(i)) }))
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .slice(0, 10);
      const fast = index.topK(query, 10);
      expect(fast.map((h) => h.index)).toEqual(brute.map((h) => h.index));
      fast.forEach((h, i) => expect(h.score).toBeCloseTo(brute[i].score, 5));
    }
  });

  it('honours k, minScore and excludeIndex', () => {
    const all = index.topK(docs[0].text, 1000);
    expect(index.topK(docs[0].text, 0)).toEqual([]);
    expect(index.topK(docs[0].text, 5)).toEqual(all.slice(0, 5));
    expect(index.topK(docs[0].text, 1000, { minScore: 0.5 }).every((h) => h.score > 0.5)).toBe(true);
    expect(index.topK(docs[0].text, 1000, { excludeIndex: 0 }).some((h) => h.index === 0)).toBe(false);
  });
});
