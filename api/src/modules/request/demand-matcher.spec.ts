import { TextIndex } from '@kok/korean-text';
import { describe, expect, it } from 'vitest';
import { DEMO_REQUESTS, DEMO_SYNONYM_GROUPS } from '../../db/seed/demo-requests.js';
import { SETTING_DEFAULTS } from '../catalog/platform-settings.service.js';
import { bestDemand, groupSequentially, requestTopicText, TfIdfDemandMatcher } from './demand-matcher.js';

const threshold = SETTING_DEFAULTS.demandGroupingThreshold;

/** The same wish in six servants' words, and two requests about something else. */
export const SAME_WISH = [
  { title: '챗GPT로 보고서 초안 쓰는 법 배우고 싶어요', description: '' },
  { title: '생성형 AI 활용한 공문서 작성 교육', description: '' },
  { title: 'AI로 업무 보고서 쓰기', description: '인공지능 도구로 보고서를 빨리 쓰고 싶습니다.' },
  { title: '챗지피티 문서 작성 실습', description: '기안문 초안을 챗지피티로 만드는 방법' },
  { title: '생성형 인공지능 보고서 작성법', description: '' },
  { title: 'ChatGPT 행정 문서 작성', description: '보도자료와 보고서 초안 작성에 활용하고 싶어요' },
];
const UNRELATED = [
  { title: '부동산 취득세 실무', description: '취득세 과세표준과 감면 요건' },
  { title: '엑셀 피벗테이블 기초', description: '' },
];

describe('TfIdfDemandMatcher', () => {
  it('groups the demo requests into their intended demands, with or without administrator synonyms', () => {
    for (const synonyms of [[], DEMO_SYNONYM_GROUPS]) {
      const g = groupSequentially(DEMO_REQUESTS, threshold, { synonyms });
      for (const d of g.demands) {
        // Every demand is topically pure.
        expect(new Set(d.members.map((m) => DEMO_REQUESTS[m].topic)).size).toBe(1);
      }
      const sizeOf = (topic: string) => Math.max(...g.demands.filter((d) => DEMO_REQUESTS[d.members[0]].topic === topic).map((d) => d.members.length));
      expect(sizeOf('ai-report')).toBe(8);
      expect(sizeOf('excel')).toBe(7);
      expect(sizeOf('civil-stress')).toBe(6);
    }
    // With the demo's groups (드론 ↔ 무인비행장치 among them) every topic is one demand.
    expect(groupSequentially(DEMO_REQUESTS, threshold, { synonyms: DEMO_SYNONYM_GROUPS }).demands).toHaveLength(new Set(DEMO_REQUESTS.map((r) => r.topic)).size);
  });

  it('puts six differently worded wishes in one demand and leaves unrelated requests out, with the synonym table empty', () => {
    const g = groupSequentially([...SAME_WISH, ...UNRELATED], threshold, { synonyms: [] });
    expect(g.demandOf.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(g.demandOf[6]).not.toBe(0);
    expect(g.demandOf[7]).not.toBe(0);
  });

  it('joins nothing below the threshold, and prefers the older demand on a tie', () => {
    expect(bestDemand([{ demandId: 3, score: 0.29 }], 0.3)).toBeNull();
    expect(bestDemand([{ demandId: 5, score: 0.5 }, { demandId: 2, score: 0.5 }, { demandId: 9, score: 0.4 }], 0.3)).toEqual({ demandId: 2, score: 0.5 });
  });

  it('strips request boilerplate but keeps a request that is nothing but boilerplate', () => {
    expect(requestTopicText('엑셀 함수 교육을 배우고 싶어요')).toBe('엑셀 함수');
    expect(requestTopicText('교육 요청')).toBe('교육 요청');
  });

  it('does not group two requests that only share request boilerplate (the package alone would)', () => {
    const a = '엑셀 교육을 받고 싶어요. 관련 강의 개설 부탁드립니다.';
    const b = '취득세 교육을 받고 싶어요. 관련 강의 개설 부탁드립니다.';
    const raw = TextIndex.fit([{ id: 'a', text: a }, { id: 'b', text: b }]);
    const rawScore = raw.similarity(a, b);
    const score = new TfIdfDemandMatcher().scoreDemands(b, [{ demandId: 1, label: '엑셀 교육', texts: [a] }], { synonyms: [] })[0].score;
    expect(rawScore).toBeGreaterThan(threshold);
    expect(score).toBeLessThan(threshold / 2);
  });

  it('ranks catalogue-like documents by similarity', () => {
    const m = new TfIdfDemandMatcher();
    const hits = m.ranker([
      { id: 1, text: '부동산 세무 실무' },
      { id: 2, text: '생성형 AI 업무 활용: 보고서와 공문서 초안' },
      { id: 3, text: '엑셀 데이터 분석' },
    ], { synonyms: [] })('챗GPT 보고서 작성', 2, 0.1);
    expect(hits[0].id).toBe(2);
    expect(hits.every((h) => h.id !== 1)).toBe(true);
  });
});
