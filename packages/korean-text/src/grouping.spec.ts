import { describe, expect, it } from 'vitest';
import { groupBySimilarity } from './grouping.js';

const aiRequests = [
  '챗GPT를 활용한 보고서 작성 교육을 받고 싶습니다',
  '생성형 AI로 공문서 초안 쓰는 방법 강의 요청',
  'ChatGPT 업무 활용 교육 (문서 작성 위주)',
  '생성형 인공지능을 이용한 행정 문서 작성 실무',
  '챗지피티로 기안문 빨리 쓰는 법 배우고 싶어요',
  'AI 활용 보고서 쓰기 강좌 개설해 주세요',
];
const others = [
  '부동산 세무 실무 교육 희망',
  '악성 민원 응대 요령 교육',
  '엑셀 함수와 피벗 테이블 기초',
  '퇴직 준비 노후 설계 강좌',
];
const items = [...aiRequests, ...others].map((text, i) => ({ id: `r${i}`, text }));

const partition = (groups: Array<{ members: Array<{ id: string }> }>): string[] =>
  groups.map((g) => g.members.map((m) => m.id).sort().join(',')).sort();

describe('groupBySimilarity', () => {
  it('puts six differently worded requests for the same wish into one group, without the unrelated ones', () => {
    const groups = groupBySimilarity(items, 0.3);
    const aiGroup = groups.find((g) => g.members.some((m) => m.id === 'r0'));
    expect(aiGroup?.members.map((m) => m.id).sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    const taxGroup = groups.find((g) => g.members.some((m) => m.text.includes('부동산')));
    expect(taxGroup?.members).toHaveLength(1);
    expect(groups[0]).toBe(aiGroup);
    expect(aiRequests).toContain(aiGroup?.representative.text);
  });

  it('is deterministic: repeated runs and shuffled input give the same groups', () => {
    const first = groupBySimilarity(items, 0.3);
    expect(groupBySimilarity(items, 0.3)).toEqual(first);
    const shuffled = [items[7], items[3], items[9], items[0], items[5], items[8], items[1], items[6], items[4], items[2]];
    expect(partition(groupBySimilarity(shuffled, 0.3))).toEqual(partition(first));
  });

  it('puts everything apart at threshold 1 and keeps members in input order', () => {
    const groups = groupBySimilarity(items, 1.01);
    expect(groups).toHaveLength(items.length);
    expect(groups.map((g) => g.members[0].id)).toEqual(items.map((i) => i.id));
  });

  it('single linkage chains through a bridging request where average linkage does not', () => {
    const chain = [
      { id: 'a', text: '엑셀 피벗 테이블' },
      { id: 'b', text: '엑셀 피벗 테이블 데이터 분석' },
      { id: 'c', text: '데이터 분석 파이썬' },
      { id: 'd', text: '파이썬 데이터 분석 입문' },
    ];
    const single = groupBySimilarity(chain, 0.3, { linkage: 'single' });
    const average = groupBySimilarity(chain, 0.3, { linkage: 'average' });
    expect(single).toHaveLength(1);
    expect(average.length).toBeGreaterThan(1);
  });

  it('returns nothing for no items', () => {
    expect(groupBySimilarity([], 0.3)).toEqual([]);
  });
});
