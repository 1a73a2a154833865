import { describe, expect, it } from 'vitest';
import { normalizeTitleKey } from '@kok/korean-text';
import { SEED_CATEGORIES } from '../migrations/Migration20261129040000.js';
import { isHttpUrl, validateCourseFields } from '../../modules/catalog/catalog.validation.js';
import { DEMO_COURSES } from './demo-courses.js';

describe('demo catalogue', () => {
  it('has about 150 courses spread over the ten seeded categories', () => {
    expect(DEMO_COURSES).toHaveLength(150);
    const codes = new Set(SEED_CATEGORIES.map((c) => c.code));
    const per = new Map<string, number>();
    for (const c of DEMO_COURSES) per.set(c.categoryCode, (per.get(c.categoryCode) ?? 0) + 1);
    expect([...per.keys()].sort()).toEqual([...codes].sort());
    for (const n of per.values()) expect(n).toBeGreaterThanOrEqual(10);
  });

  it('passes the same rules as courseCreate, with unique codes and title keys', () => {
    for (const c of DEMO_COURSES) {
      const { values, errors } = validateCourseFields(c, true);
      expect(errors, c.title).toEqual([]);
      expect(values.title).toBe(c.title);
      expect(values.tags).toEqual(c.tags);
      expect([60, 90, 120]).toContain(c.lengthMinutes);
      expect(c.resources.length).toBeGreaterThanOrEqual(2);
      for (const r of c.resources) expect(isHttpUrl(r.url), r.url).toBe(true);
    }
    expect(new Set(DEMO_COURSES.map((c) => c.code)).size).toBe(150);
    expect(new Set(DEMO_COURSES.map((c) => normalizeTitleKey(c.title))).size).toBe(150);
    expect(DEMO_COURSES[0].code).toBe('C-0001');
    expect(DEMO_COURSES[149].code).toBe('C-0150');
  });

  it('names the mandatory trainings and the popular digital subjects', () => {
    const titles = new Map(DEMO_COURSES.map((c) => [c.title, c.categoryCode]));
    for (const t of ['4대 폭력예방 교육', '부패방지 교육', '청탁금지법 교육', '보안 교육', '비상대비 교육', '자살예방 교육', '장애인식개선 교육', '개인정보보호 교육']) {
      expect(titles.get(t), t).toBe('STATUTORY');
    }
    for (const t of ['생성형 AI 업무 활용', '엑셀 데이터 분석 기초', '공공데이터 활용']) expect(titles.get(t), t).toBe('DIGITAL_AI');
    expect(titles.get('공무원 재테크 기초')).toBe('FINANCE');
  });
});
