import { describe, expect, it } from 'vitest';
import { normalize, normalizeTitleKey } from './normalize.js';

describe('normalize', () => {
  it('composes decomposed Hangul (NFD → NFC) so that both spellings compare equal', () => {
    const nfd = '교육'.normalize('NFD');
    expect(nfd).not.toBe('교육');
    expect(normalize(nfd)).toBe('교육');
  });

  it('folds full-width latin and digits, lower-cases and folds whitespace', () => {
    expect(normalize('  ＡＩ　활용\t\n교육 ２０２５ ')).toBe('ai 활용 교육 2025');
  });

  it('turns punctuation and symbols into spaces but keeps c++, c#, decimals and r&d', () => {
    expect(normalize('[필수] 엑셀·파워포인트!! (초급)')).toBe('필수 엑셀 파워포인트 초급');
    expect(normalize('C++ 와 C# 기초, 버전 4.0')).toBe('c++ 와 c# 기초 버전 4.0');
    expect(normalize('R&D 예산 1,000만원')).toBe('r&d 예산 1000만원');
  });

  it('keeps Hangul compatibility jamo instead of NFKC-converting them', () => {
    expect(normalize('ㅋㅋ 좋아요')).toBe('ㅋㅋ 좋아요');
  });

  it('drops zero-width characters pasted from web pages', () => {
    expect(normalize('데이터\u200B분석')).toBe('데이터분석');
  });
});

describe('normalizeTitleKey', () => {
  it.each([
    ['4대 폭력 예방 교육', '4대폭력예방교육'],
    ['4대 폭력·예방 교육!', '4대 폭력 예방교육'],
    ['AI 기초', '인공지능 기초'],
    ['ChatGPT 업무 활용', '챗지피티 업무활용'],
    ['챗GPT 업무 활용', 'chat gpt 업무 활용'],
    ['ＰＰＴ 디자인', '파워포인트 디자인'],
  ])('treats %s and %s as the same title', (a, b) => {
    expect(normalizeTitleKey(a)).toBe(normalizeTitleKey(b));
  });

  it.each([
    ['4대 폭력 예방 교육', '5대 폭력 예방 교육'],
    ['엑셀 기초', '엑셀 심화'],
    ['이메일 작성법', '이메 인공지능 l 작성법'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(normalizeTitleKey(a)).not.toBe(normalizeTitleKey(b));
  });

  it('does not read "ai" inside a latin word as an abbreviation', () => {
    expect(normalizeTitleKey('email 보안')).toBe('email보안');
  });

  it('uses a caller-supplied abbreviation list instead of the default', () => {
    const custom = [['지방세', 'local tax']];
    expect(normalizeTitleKey('Local Tax 실무', custom)).toBe(normalizeTitleKey('지방세 실무', custom));
    expect(normalizeTitleKey('AI 기초', custom)).toBe('ai기초');
  });
});
