import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HybridStrategy } from './recommendation-strategy.js';
import { createStrategy, loadStrategy } from './strategy-registry.js';
import type { CourseFeatures, Interaction, RecommenderSnapshot, ServantFeatures } from './types.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

/** A small demo catalogue in Korean, shaped like the platform's. */
const courses: CourseFeatures[] = [
  { id: 'ai', title: '생성형 AI 업무 활용 기초', category: '디지털', tags: ['생성형 AI', '챗GPT'], description: '생성형 인공지능으로 보고서 초안 쓰기' },
  { id: 'excel', title: '엑셀 데이터 분석 실무', category: '디지털', tags: ['엑셀', '데이터'], description: '피벗 테이블과 함수로 업무 데이터 분석' },
  { id: 'viz', title: '공공데이터 시각화', category: '디지털', tags: ['데이터'], description: '공공데이터 포털 자료 시각화' },
  { id: 'civil', title: '민원 응대와 소통', category: '행정', tags: ['민원'], description: '민원인과의 소통 기법' },
  { id: 'doc', title: '공문서 작성법', category: '행정', tags: ['공문서'], description: '알기 쉬운 공문서 쓰기' },
  { id: 'welfare', title: '사회복지 사례관리', category: '복지', tags: ['사례관리'], description: '통합 사례관리 실무' },
  { id: 'money', title: '개인 재테크 입문', category: '재테크', tags: ['재테크'], description: '월급 관리와 연금' },
  { id: 'violence', title: '4대 폭력예방 교육', category: '필수', tags: ['폭력예방'], description: '성희롱·성매매·성폭력·가정폭력 예방' },
  { id: 'anticorr', title: '부패방지 청렴 교육', category: '필수', tags: ['청렴'], description: '부패방지와 청탁금지법' },
  { id: 'hike', title: '등산 안전과 체력관리', category: '건강', tags: ['등산'], description: '안전한 산행' },
];

function snapshot(extra: { servants?: ServantFeatures[]; interactions?: Interaction[]; courses?: CourseFeatures[] } = {}): RecommenderSnapshot {
  const servants: ServantFeatures[] = [];
  const interactions: Interaction[] = [];
  // Six administration servants in one department: a cohort of ≥ 5 that likes 'money' and 'civil'.
  for (let i = 0; i < 6; i++) {
    const id = `adm${i}`;
    servants.push({ id, organization: '수원시', department: '민원과', jobSeries: '행정', gradeBand: '8-9급', yearsOfService: 2 });
    interactions.push({ servantId: id, courseId: 'money', kind: 'COMPLETED', at: NOW - (30 + i) * DAY });
    interactions.push({ servantId: id, courseId: 'civil', kind: 'COMPLETED', at: NOW - (20 + i) * DAY });
  }
  // Three welfare servants (a cohort below five) who all took 'hike'.
  for (let i = 0; i < 3; i++) {
    const id = `wel${i}`;
    servants.push({ id, organization: '수원시', department: '복지과', jobSeries: '사회복지', gradeBand: '6-7급', yearsOfService: 12 });
    interactions.push({ servantId: id, courseId: 'hike', kind: 'COMPLETED', at: NOW - 10 * DAY });
    interactions.push({ servantId: id, courseId: 'welfare', kind: 'COMPLETED', at: NOW - 5 * DAY });
  }
  // Two servants who took 'doc' after 'civil' (a sequence).
  for (let i = 0; i < 2; i++) {
    interactions.push({ servantId: `seq${i}`, courseId: 'civil', kind: 'COMPLETED', at: NOW - 60 * DAY });
    interactions.push({ servantId: `seq${i}`, courseId: 'doc', kind: 'COMPLETED', at: NOW - 50 * DAY });
  }
  return {
    servants: [...servants, ...(extra.servants ?? [])],
    courses: [...courses, ...(extra.courses ?? [])],
    interactions: [...interactions, ...(extra.interactions ?? [])],
    now: NOW,
  };
}

const digital = new Set(['ai', 'excel', 'viz']);
const itServant: ServantFeatures = { id: 'it1', organization: '경기도', department: '정보통신과', jobSeries: '전산', gradeBand: '6-7급', interests: ['생성형 AI', '엑셀'] };

describe('HybridStrategy', () => {
  const hybrid = new HybridStrategy();
  hybrid.fit(snapshot({ servants: [itServant] }));

  it('puts digital courses first for a 전산 servant interested in 생성형 AI and 엑셀, naming those interests', () => {
    const recs = hybrid.recommend('it1', { k: 5 });
    expect(digital.has(recs[0].courseId) && digital.has(recs[1].courseId)).toBe(true);
    const named = recs
      .slice(0, 2)
      .flatMap((r) => r.reasons)
      .filter((r) => r.code === 'MATCHES_INTEREST')
      .map((r) => r.params.interest);
    expect(new Set(named)).toEqual(new Set(['생성형 AI', '엑셀']));
    const ai = recs.find((r) => r.courseId === 'ai');
    expect(ai?.reasons[0]).toMatchObject({ code: 'MATCHES_INTEREST', params: { interest: '생성형 AI' } });
    expect(ai?.reasons[0].message).toContain('생성형 AI');
  });

  it('pins an overdue mandatory course first with the rule name and due date', () => {
    const recs = hybrid.recommend('it1', {
      k: 5,
      essential: [
        { courseIds: ['anticorr'], ruleName: '부패방지 교육', dueDate: '2025-09-30T00:00:00+09:00', status: 'DUE' },
        { courseIds: ['violence'], ruleName: '4대 폭력예방', dueDate: '2025-03-31T00:00:00+09:00', status: 'OVERDUE' },
      ],
    });
    expect(recs.map((r) => r.courseId).slice(0, 2)).toEqual(['violence', 'anticorr']);
    expect(recs[0].reasons[0]).toMatchObject({ code: 'MANDATORY_DUE', params: { rule: '4대 폭력예방', dueDate: '2025-03-31', status: 'OVERDUE' } });
    expect(recs[0].reasons[0].message).toBe("필수 교육 '4대 폭력예방'의 이수 기한(2025-03-31)이 지났습니다");
    expect(recs).toHaveLength(5);
  });

  it('never shows a course marked NOT_INTERESTED, from the snapshot or from a click since the fit', () => {
    const before = hybrid.recommend('it1', { k: 3 }).map((r) => r.courseId);
    expect(before).toContain('ai');
    const after = hybrid.recommend('it1', {
      k: 3,
      recentInteractions: [{ servantId: 'it1', courseId: 'ai', kind: 'FEEDBACK_NOT_INTERESTED', at: NOW }],
    });
    expect(after.map((r) => r.courseId)).not.toContain('ai');
    const refit = new HybridStrategy();
    refit.fit(snapshot({ servants: [itServant], interactions: [{ servantId: 'it1', courseId: 'ai', kind: 'FEEDBACK_NOT_INTERESTED', at: NOW }] }));
    expect(refit.recommend('it1', { k: 10 }).map((r) => r.courseId)).not.toContain('ai');
  });

  it('says POPULAR_IN_COHORT only for cohorts of at least five people', () => {
    const newAdmin: ServantFeatures = { id: 'adm-new', organization: '수원시', department: '민원과', jobSeries: '행정', gradeBand: '8-9급' };
    const adm = hybrid.recommend(newAdmin, { k: 3 });
    const money = adm.find((r) => r.courseId === 'money');
    expect(money?.reasons[0].code).toBe('POPULAR_IN_COHORT');
    expect(money?.reasons[0].message).toContain('민원과');
    // The welfare cohort has three people: their favourite may still rank by global signals, but
    // no reason may point at the cohort.
    const newWelfare: ServantFeatures = { id: 'wel-new', organization: '수원시', department: '복지과', jobSeries: '사회복지', gradeBand: '6-7급' };
    const wel = hybrid.recommend(newWelfare, { k: 10 });
    expect(wel.flatMap((r) => r.reasons).map((r) => r.code)).not.toContain('POPULAR_IN_COHORT');
  });

  it('learns what servants take next and names the course it follows', () => {
    const recs = hybrid.recommend('seq-like', { k: 1, recentInteractions: [{ servantId: 'seq-like', courseId: 'civil', kind: 'COMPLETED', at: NOW - DAY }] });
    expect(recs[0].courseId).toBe('doc');
    expect(recs[0].reasons.find((r) => r.code === 'SIMILAR_TO_COMPLETED')?.params.course).toBe('민원 응대와 소통');
  });

  it('answers a new course through its text (cold start) and a request through ANSWERS_YOUR_REQUEST', () => {
    const s = new HybridStrategy();
    s.fit(snapshot({ courses: [{ id: 'gis', title: '드론 측량과 GIS', category: '디지털', tags: ['드론'] }] }));
    const recs = s.recommend({ id: 'x', requestTexts: ['드론 측량 교육'] }, { k: 1 });
    expect(recs[0].courseId).toBe('gis');
    expect(recs[0].reasons[0]).toMatchObject({ code: 'ANSWERS_YOUR_REQUEST', params: { request: '드론 측량 교육' } });
  });

  it('diversifies: near-copies do not fill the top of the list', () => {
    const copies: CourseFeatures[] = [1, 2, 3, 4].map((n) => ({ id: `excel${n}`, title: `엑셀 함수 기초 ${n}차`, category: '디지털', tags: ['엑셀'], description: '엑셀 함수 기초' }));
    const data = snapshot({ courses: copies });
    const profile: ServantFeatures = { id: 'd', interests: ['엑셀 함수 기초'], hobbies: ['데이터'] };
    const plain = new HybridStrategy({ nearCopyPenalty: 0, sameCategoryPenalty: 0 });
    plain.fit(data);
    const diverse = new HybridStrategy();
    diverse.fit(data);
    const countCopies = (ids: string[]) => ids.filter((id) => id.startsWith('excel')).length;
    const plainTop = plain.recommend(profile, { k: 4 }).map((r) => r.courseId);
    const diverseTop = diverse.recommend(profile, { k: 4 }).map((r) => r.courseId);
    expect(countCopies(plainTop)).toBe(4);
    expect(countCopies(diverseTop)).toBeLessThanOrEqual(2);
    // What replaces the copies is still relevant: the other 엑셀 / 데이터 courses.
    expect(diverseTop.filter((id) => ['excel', 'viz'].includes(id)).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps working on the large-catalogue path (item-kNN + sparse sequential)', () => {
    const s = new HybridStrategy({ maxEaseItems: 2, sequential: { maxDenseItems: 2 } });
    s.fit(snapshot({ servants: [itServant] }));
    const recs = s.recommend('seq-like', { k: 1, recentInteractions: [{ servantId: 'seq-like', courseId: 'civil', kind: 'COMPLETED', at: NOW - DAY }] });
    expect(recs[0].courseId).toBe('doc');
    expect(digital.has(s.recommend('it1', { k: 1 })[0].courseId)).toBe(true);
  });

  it('recommends subjects with reasons', () => {
    const subjects = hybrid.recommendSubjects('it1', { k: 3 });
    expect(subjects[0]).toMatchObject({ kind: 'CATEGORY', subject: '디지털' });
    expect(subjects[0].reasons.map((r) => r.code)).toContain('MATCHES_INTEREST');
  });

  it('respects candidates and exclude', () => {
    const recs = hybrid.recommend('it1', { k: 10, candidates: ['ai', 'excel', 'doc'], exclude: ['excel'] });
    expect(recs.map((r) => r.courseId).sort()).toEqual(['ai', 'doc']);
  });
});

describe('strategy registry', () => {
  it('swapping the strategy by name changes the answer', async () => {
    const data = snapshot({ servants: [itServant] });
    const hybrid = await loadStrategy('hybrid');
    const pop = await loadStrategy('popularity');
    hybrid.fit(data);
    pop.fit(data);
    const h = hybrid.recommend('it1', { k: 3 }).map((r) => r.courseId);
    const p = pop.recommend('it1', { k: 3 }).map((r) => r.courseId);
    expect(p[0]).toBe('civil'); // most distinct servants (6 + 2)
    expect(h).not.toEqual(p);
    expect(() => createStrategy('nope')).toThrow(/Known: hybrid, popularity, item-knn, ease/);
  });

  it('loads a third-party strategy from a module path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kok-strategy-'));
    writeFileSync(
      join(dir, 'alpha.strategy.mjs'),
      `export default () => ({
        name: 'alphabetical',
        ids: [],
        fit(s) { this.ids = s.courses.map((c) => c.id).sort(); },
        recommend(_servant, { k }) { return this.ids.slice(0, k).map((courseId) => ({ courseId, score: 1, reasons: [] })); },
        recommendSubjects() { return []; },
      });`,
    );
    const s = await loadStrategy('./alpha.strategy.mjs', {}, dir);
    s.fit(snapshot());
    expect(s.name).toBe('alphabetical');
    expect(s.recommend('anyone', { k: 2 }).map((r) => r.courseId)).toEqual(['ai', 'anticorr']);
    await expect(loadStrategy(join(dir, 'missing.mjs'))).rejects.toThrow();
  });

  it('item-knn and ease baselines exclude history and explain with the similar course', () => {
    for (const name of ['item-knn', 'ease']) {
      const s = createStrategy(name);
      s.fit(snapshot());
      const recs = s.recommend('seq0', { k: 3 });
      expect(recs.map((r) => r.courseId)).not.toContain('civil');
      expect(recs.map((r) => r.courseId)).not.toContain('doc');
      const money = recs.find((r) => r.courseId === 'money');
      expect(money?.reasons[0].code).toBe('SIMILAR_TO_COMPLETED');
    }
  });
});
