import { describe, expect, it } from 'vitest';
import { SynonymDictionary, expandSynonyms } from './synonyms.js';

describe('synonym expansion', () => {
  const list = [
    ['엑셀', '스프레드시트'],
    ['스프레드시트', '구글 시트'],
    ['챗GPT', '생성형 AI'],
  ];

  it('appends the other members of a matched group', () => {
    expect(expandSynonyms('엑셀 함수 교육', [['엑셀', '스프레드시트']])).toBe('엑셀 함수 교육 스프레드시트');
  });

  it('merges groups that share a term, because admins enter pairs one at a time', () => {
    const dict = SynonymDictionary.from(list);
    expect(dict.groups).toContainEqual(['엑셀', '스프레드시트', '구글 시트']);
    expect(dict.expand('구글시트 수식')).toBe('구글시트 수식 엑셀 스프레드시트');
  });

  it('matches case-, width- and spacing-insensitively, and attached particles do not block a match', () => {
    const dict = SynonymDictionary.from(list);
    expect(dict.expand('챗ＧＰＴ를 써보고 싶어요')).toBe('챗gpt를 써보고 싶어요 생성형 ai');
    expect(dict.expand('생성형AI 교육')).toBe('생성형ai 교육 챗gpt');
  });

  it('respects latin word boundaries', () => {
    const dict = SynonymDictionary.from([['ai', '인공지능']]);
    expect(dict.expand('email 작성')).toBe('email 작성');
    expect(dict.expand('open ai 소개')).toBe('open ai 소개 인공지능');
  });

  it('append-canonical adds only the first member', () => {
    const dict = SynonymDictionary.from([['엑셀', 'excel', '스프레드시트']]);
    expect(dict.expand('스프레드시트 기초', 'append-canonical')).toBe('스프레드시트 기초 엑셀');
    expect(dict.expand('엑셀 기초', 'append-canonical')).toBe('엑셀 기초');
  });

  it('leaves text without synonyms unchanged apart from normalisation', () => {
    expect(expandSynonyms(' 부동산  세무 ', list)).toBe('부동산 세무');
  });
});
