import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

let t: TestApp;
let admin: string;
let suwonAdmin: string;
let servant: string;
let categories: Map<string, { id: string; code: string; name: string }>;

const COURSE = `id code title description tags lengthMinutes creditValue format status category { code name } resources { title url kind }`;
const CREATE = `mutation($input: CourseCreateInput!) { courseCreate(input: $input) { course { ${COURSE} } userErrors { code message field } } }`;
const UPDATE = `mutation($input: CourseUpdateInput!) { courseUpdate(input: $input) { course { ${COURSE} } userErrors { code message field } } }`;
const RETIRE = `mutation($input: CourseRetireInput!) { courseRetire(input: $input) { course { code status } userErrors { code message field } } }`;
const COURSES = `query($first: Int, $after: String, $last: Int, $before: String, $filter: CourseFilterInput, $orderBy: CourseOrderInput) {
  courses(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id code title lengthMinutes status tags category { code } } } } }`;

/** The catalogue tables as they are, to prove a refused mutation changed nothing. */
async function snapshot() {
  return {
    courses: await t.sql(`select * from course order by id`),
    resources: await t.sql(`select * from learning_resource order by id`),
    categories: await t.sql(`select * from category order by id`),
  };
}

async function create(input: Record<string, unknown>, token = admin, headers?: Record<string, string>) {
  return t.gql(CREATE, { input: { categoryId: categories.get('DIGITAL_AI')!.id, lengthMinutes: 90, format: 'IN_PERSON', ...input } }, { token, headers });
}

async function courseByCode(code: string) {
  const r = await t.gql(COURSES, { first: 1, filter: { search: code, status: null } }, { token: admin });
  return r.data.courses.edges.map((e: any) => e.node).find((n: any) => n.code === code);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO.admin);
  suwonAdmin = await t.login(DEMO.suwonAdmin);
  servant = await t.login(DEMO.servantSuwon);
  const r = await t.gql(`{ categories { id code name } }`, {}, { token: admin });
  categories = new Map(r.data.categories.map((c: any) => [c.code, c]));
});
afterAll(() => t?.stop());

describe('seeded catalogue', () => {
  it('has the ten categories in order and 150 demo courses any signed-in viewer can read', async () => {
    const r = await t.gql(`{ categories { code name parent { code } children { code } courseCount } }`, {}, { token: servant });
    expect(r.errors).toBeUndefined();
    expect(r.data.categories.map((c: any) => `${c.code} ${c.name}`)).toEqual([
      'DIGITAL_AI 디지털·AI',
      'POLICY_LAW 정책·법령',
      'LEADERSHIP 리더십·조직',
      'COMMUNICATION 소통·민원',
      'FINANCE 재무·회계',
      'SAFETY 안전·재난',
      'HEALTH 건강·웰빙',
      'HUMANITIES 인문·교양',
      'LANGUAGE 외국어',
      'STATUTORY 법정의무',
    ]);
    for (const c of r.data.categories) expect(c).toMatchObject({ parent: null, children: [], courseCount: 15 });

    const all = await t.gql(`{ courses(first: 5, orderBy: { field: CODE }) { totalCount edges { node { code title creditValue lengthMinutes resources { kind } } } } }`, {}, { token: servant });
    expect(all.data.courses.totalCount).toBe(150);
    expect(all.data.courses.edges[0].node).toMatchObject({ code: 'C-0001', title: '생성형 AI 업무 활용', lengthMinutes: 120, creditValue: '2' });
    expect(all.data.courses.edges[0].node.resources.map((x: any) => x.kind)).toEqual(['DOCUMENT', 'DATASET', 'VIDEO']);
    const statutory = await t.gql(COURSES, { first: 100, filter: { categoryId: categories.get('STATUTORY')!.id } }, { token: servant });
    expect(statutory.data.courses.edges.map((e: any) => e.node.title)).toEqual(expect.arrayContaining(['4대 폭력예방 교육', '부패방지 교육', '개인정보보호 교육']));
  });

  it('refuses anonymous readers', async () => {
    const r = await t.gql(`{ courses(first: 1) { totalCount } }`);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('courseCreate', () => {
  it('creates a course with a generated code and an exact credit value for 60, 90 and 120 minutes', async () => {
    const made: Record<number, any> = {};
    for (const lengthMinutes of [60, 90, 120]) {
      const r = await create({ title: `  데이터  기반 행정 ${lengthMinutes}분 `, description: '설명', tags: [' 데이터 ', '데이터', '행정'], lengthMinutes, format: 'LIVE_ONLINE' });
      expect(r.data.courseCreate.userErrors).toEqual([]);
      made[lengthMinutes] = r.data.courseCreate.course;
    }
    expect(made[60]).toMatchObject({ title: '데이터 기반 행정 60분', creditValue: '1', tags: ['데이터', '행정'], format: 'LIVE_ONLINE', status: 'ACTIVE', category: { code: 'DIGITAL_AI', name: '디지털·AI' }, resources: [] });
    expect(made[90].creditValue).toBe('1.5');
    expect(made[120].creditValue).toBe('2');
    expect(made[60].code).toMatch(/^C-\d{4}$/);
    expect(Number(made[90].code.slice(2))).toBe(Number(made[60].code.slice(2)) + 1);
    const [row] = await t.sql(`select credit_value, title_key from course where code = $1`, [made[90].code]);
    expect(row).toEqual({ credit_value: '1.50', title_key: '데이터기반행정90분' });
  });

  it('reports every problem at once in Korean, with fields, and changes nothing', async () => {
    const before = await snapshot();
    const r = await create({ code: '0-bad', title: '가', description: '설'.repeat(2001), tags: ['가'.repeat(21)], lengthMinutes: 45 });
    expect(r.data.courseCreate.course).toBeNull();
    expect(r.data.courseCreate.userErrors).toEqual([
      { code: 'INVALID_CODE', message: '과정 코드는 영문 대문자로 시작하는 영문 대문자·숫자·하이픈 2~20자여야 합니다.', field: ['input', 'code'] },
      { code: 'TOO_SHORT', message: '제목은(는) 2~100자여야 합니다.', field: ['input', 'title'] },
      { code: 'TOO_LONG', message: '설명은(는) 2000자 이하여야 합니다.', field: ['input', 'description'] },
      { code: 'INVALID_TAG', message: '태그는 최대 10개까지, 각각 1~20자로 입력하세요.', field: ['input', 'tags'] },
      { code: 'INVALID_LENGTH_MINUTES', message: '강의 시간은 60분 이상 120분 이하의 정수여야 합니다.', field: ['input', 'lengthMinutes'] },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers in English when the client asks for it', async () => {
    const r = await create({ title: 'x'.repeat(101), lengthMinutes: 121 }, admin, { 'accept-language': 'en-US,en;q=0.9' });
    expect(r.data.courseCreate.userErrors).toEqual([
      { code: 'TOO_LONG', message: 'title must be 2–100 characters long.', field: ['input', 'title'] },
      { code: 'INVALID_LENGTH_MINUTES', message: 'The lecture length must be a whole number of minutes between 60 and 120.', field: ['input', 'lengthMinutes'] },
    ]);
  });

  it('refuses a title that differs from an active course only in spacing, punctuation or case, naming that course', async () => {
    const before = await snapshot();
    const r = await create({ title: '생성형AI — 업무활용!' });
    expect(r.data.courseCreate.userErrors).toEqual([{ code: 'DUPLICATE_TITLE', message: '같은 제목의 과정이 이미 있습니다: C-0001 생성형 AI 업무 활용', field: ['input', 'title'] }]);
    const en = await create({ title: '4대폭력 예방교육' }, admin, { 'accept-language': 'en' });
    expect(en.data.courseCreate.userErrors).toEqual([{ code: 'DUPLICATE_TITLE', message: 'A course with the same title already exists: C-0136 4대 폭력예방 교육', field: ['input', 'title'] }]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a taken code, an unknown category and an id of another type, all together', async () => {
    const before = await snapshot();
    const unknown = Buffer.from('Category:999999').toString('base64url');
    const r = await create({ code: 'c-0002', title: '새로운 과정 제목', categoryId: unknown });
    expect(r.data.courseCreate.userErrors).toEqual([
      { code: 'CATEGORY_NOT_FOUND', message: '분류를 찾을 수 없습니다.', field: ['input', 'categoryId'] },
      { code: 'COURSE_CODE_TAKEN', message: '과정 코드 C-0002은(는) 이미 사용 중입니다.', field: ['input', 'code'] },
    ]);
    const orgs = await t.gql(`{ organizations(first: 1) { edges { node { id } } } }`, {}, { token: admin });
    const wrongType = await create({ title: '새로운 과정 제목', categoryId: orgs.data.organizations.edges[0].node.id });
    expect(wrongType.data.courseCreate.userErrors).toEqual([{ code: 'INVALID_ID', message: 'Category ID가 필요하지만 Organization ID가 주어졌습니다.', field: ['input', 'categoryId'] }]);
    expect(await snapshot()).toEqual(before);
  });

  it('is refused for organisation administrators and servants, and changes nothing', async () => {
    const before = await snapshot();
    for (const token of [suwonAdmin, servant]) {
      const r = await create({ title: '권한 없는 과정' }, token);
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.errors?.[0].message).toBe('이 작업을 할 권한이 없습니다.');
      expect(r.data?.courseCreate ?? null).toBeNull();
      const retire = await t.gql(RETIRE, { input: { id: (await courseByCode('C-0001')).id } }, { token });
      expect(retire.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('generates distinct codes and creates a title once under concurrent requests', async () => {
    const distinct = await Promise.all(Array.from({ length: 8 }, (_, i) => create({ title: `동시 생성 과정 ${i}` })));
    const codes = distinct.map((r) => r.data.courseCreate.course?.code);
    expect(codes.every((c) => typeof c === 'string')).toBe(true);
    expect(new Set(codes).size).toBe(8);

    const same = await Promise.all(Array.from({ length: 6 }, (_, i) => create({ title: i % 2 ? '동시 중복 과정' : '동시중복 과정!' })));
    expect(same.filter((r) => r.data.courseCreate.course)).toHaveLength(1);
    expect(same.filter((r) => r.data.courseCreate.userErrors[0]?.code === 'DUPLICATE_TITLE')).toHaveLength(5);
    expect(await t.sql(`select 1 from course where title_key = '동시중복과정'`)).toHaveLength(1);
  });
});

describe('courseUpdate and courseRetire', () => {
  it('changes the given fields, recomputes the credit value and keeps the rest', async () => {
    const created = (await create({ title: '수정 전 과정', tags: ['a'], lengthMinutes: 60 })).data.courseCreate.course;
    const r = await t.gql(UPDATE, { input: { id: created.id, title: '수정 후 과정', lengthMinutes: 90, categoryId: categories.get('FINANCE')!.id } }, { token: admin });
    expect(r.data.courseUpdate.userErrors).toEqual([]);
    expect(r.data.courseUpdate.course).toMatchObject({ code: created.code, title: '수정 후 과정', lengthMinutes: 90, creditValue: '1.5', tags: ['a'], category: { code: 'FINANCE' } });
    const [row] = await t.sql(`select title_key, credit_value from course where code = $1`, [created.code]);
    expect(row).toEqual({ title_key: '수정후과정', credit_value: '1.50' });

    // The same rules as creation, all at once, and nothing is written.
    const before = await snapshot();
    const bad = await t.gql(UPDATE, { input: { id: created.id, title: '엑셀 데이터분석 기초', code: 'C-0001', lengthMinutes: 150 } }, { token: admin });
    expect(bad.data.courseUpdate.userErrors.map((e: any) => e.code)).toEqual(['INVALID_LENGTH_MINUTES', 'COURSE_CODE_TAKEN', 'DUPLICATE_TITLE']);
    expect(bad.data.courseUpdate.userErrors[2].message).toBe('같은 제목의 과정이 이미 있습니다: C-0003 엑셀 데이터 분석 기초');
    const missing = await t.gql(UPDATE, { input: { id: Buffer.from('Course:999999').toString('base64url'), title: '없음' } }, { token: admin });
    expect(missing.data.courseUpdate.userErrors).toEqual([{ code: 'COURSE_NOT_FOUND', message: '과정을 찾을 수 없습니다.', field: ['input', 'id'] }]);
    expect(await snapshot()).toEqual(before);
  });

  it('retires a course once; a retired course leaves the default list and its title becomes free', async () => {
    const created = (await create({ title: '폐지될 과정' })).data.courseCreate.course;
    const r = await t.gql(RETIRE, { input: { id: created.id } }, { token: admin });
    expect(r.data.courseRetire).toEqual({ course: { code: created.code, status: 'RETIRED' }, userErrors: [] });
    const again = await t.gql(RETIRE, { input: { id: created.id } }, { token: admin, headers: { 'accept-language': 'en' } });
    expect(again.data.courseRetire).toEqual({ course: null, userErrors: [{ code: 'ALREADY_RETIRED', message: `Course ${created.code} is already retired.`, field: ['input', 'id'] }] });

    const active = await t.gql(COURSES, { first: 10, filter: { search: '폐지될과정' } }, { token: admin });
    expect(active.data.courses.totalCount).toBe(0);
    const retired = await t.gql(COURSES, { first: 10, filter: { search: '폐지될과정', status: 'RETIRED' } }, { token: admin });
    expect(retired.data.courses.edges.map((e: any) => e.node.code)).toEqual([created.code]);
    const anyStatus = await t.gql(COURSES, { first: 10, filter: { search: '폐지될과정', status: null } }, { token: admin });
    expect(anyStatus.data.courses.totalCount).toBe(1);
    // A replacement course may take the retired one's title.
    const replacement = await create({ title: '폐지될 과정' });
    expect(replacement.data.courseCreate.userErrors).toEqual([]);
  });
});

describe('learning resources', () => {
  it('adds and removes resources; a bad link is refused', async () => {
    const course = (await create({ title: '자료가 있는 과정' })).data.courseCreate.course;
    const ADD = `mutation($input: LearningResourceAddInput!) { learningResourceAdd(input: $input) { learningResource { id title url provider kind course { code } } course { resources { title } } userErrors { code message field } } }`;
    const before = await snapshot();
    const bad = await t.gql(ADD, { input: { courseId: course.id, title: ' ', url: 'javascript:alert(1)', kind: 'WEBSITE' } }, { token: admin });
    expect(bad.data.learningResourceAdd.userErrors).toEqual([
      { code: 'REQUIRED', message: '자료 제목은(는) 필수입니다.', field: ['input', 'title'] },
      { code: 'INVALID_URL', message: '링크는 http:// 또는 https://로 시작하는 올바른 주소여야 합니다(최대 2000자).', field: ['input', 'url'] },
    ]);
    expect(await snapshot()).toEqual(before);

    const ok = await t.gql(ADD, { input: { courseId: course.id, title: '국가법령정보센터', url: 'https://www.law.go.kr', provider: '법제처', kind: 'WEBSITE' } }, { token: admin });
    expect(ok.data.learningResourceAdd).toMatchObject({
      learningResource: { title: '국가법령정보센터', url: 'https://www.law.go.kr', provider: '법제처', kind: 'WEBSITE', course: { code: course.code } },
      course: { resources: [{ title: '국가법령정보센터' }] },
      userErrors: [],
    });
    const REMOVE = `mutation($input: LearningResourceRemoveInput!) { learningResourceRemove(input: $input) { removedLearningResourceId course { resources { title } } userErrors { code } } }`;
    const id = ok.data.learningResourceAdd.learningResource.id;
    const removed = await t.gql(REMOVE, { input: { id } }, { token: admin });
    expect(removed.data.learningResourceRemove).toEqual({ removedLearningResourceId: id, course: { resources: [] }, userErrors: [] });
    const twice = await t.gql(REMOVE, { input: { id } }, { token: admin });
    expect(twice.data.learningResourceRemove.userErrors).toEqual([{ code: 'RESOURCE_NOT_FOUND' }]);
  });
});

describe('categories', () => {
  it('creates a subcategory, refuses duplicates and cycles, and filters courses by subtree', async () => {
    const CREATE_CAT = `mutation($input: CategoryCreateInput!) { categoryCreate(input: $input) { category { id code name sortOrder parent { code } } userErrors { code message field } } }`;
    const UPDATE_CAT = `mutation($input: CategoryUpdateInput!) { categoryUpdate(input: $input) { category { id name parent { code } } userErrors { code message field } } }`;
    const sub = await t.gql(CREATE_CAT, { input: { code: 'data_analysis', name: '데이터 분석', parentId: categories.get('DIGITAL_AI')!.id } }, { token: admin });
    expect(sub.data.categoryCreate).toMatchObject({ category: { code: 'DATA_ANALYSIS', name: '데이터 분석', parent: { code: 'DIGITAL_AI' } }, userErrors: [] });
    const subId = sub.data.categoryCreate.category.id;

    const before = await snapshot();
    const dup = await t.gql(CREATE_CAT, { input: { code: 'DIGITAL_AI', name: '디지털 AI' } }, { token: admin });
    expect(dup.data.categoryCreate.userErrors.map((e: any) => e.code)).toEqual(['CATEGORY_CODE_TAKEN', 'CATEGORY_NAME_TAKEN']);
    const cycle = await t.gql(UPDATE_CAT, { input: { id: categories.get('DIGITAL_AI')!.id, parentId: subId } }, { token: admin });
    expect(cycle.data.categoryUpdate.userErrors).toEqual([{ code: 'CATEGORY_CYCLE', message: '분류를 자기 자신이나 그 하위 분류 아래로 옮길 수 없습니다.', field: ['input', 'parentId'] }]);
    const forbidden = await t.gql(CREATE_CAT, { input: { code: 'NOPE', name: '권한 없음' } }, { token: suwonAdmin });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    const course = (await create({ title: '하위 분류 과정', categoryId: subId })).data.courseCreate.course;
    const tree = await t.gql(`{ categories { code children { code courseCount } } }`, {}, { token: servant });
    expect(tree.data.categories.find((c: any) => c.code === 'DIGITAL_AI').children).toEqual([{ code: 'DATA_ANALYSIS', courseCount: 1 }]);
    // Filtering by the parent includes the subcategory's courses.
    const inParent = await t.gql(COURSES, { first: 100, filter: { categoryId: categories.get('DIGITAL_AI')!.id } }, { token: admin });
    expect(inParent.data.courses.edges.map((e: any) => e.node.code)).toContain(course.code);
    const inSub = await t.gql(COURSES, { first: 100, filter: { categoryId: subId } }, { token: admin });
    expect(inSub.data.courses.edges.map((e: any) => e.node.code)).toEqual([course.code]);

    const moved = await t.gql(UPDATE_CAT, { input: { id: subId, name: '데이터 분석·시각화', parentId: null } }, { token: admin });
    expect(moved.data.categoryUpdate).toMatchObject({ category: { name: '데이터 분석·시각화', parent: null }, userErrors: [] });
  });
});

describe('search and filters', () => {
  it('finds "생성형 AI" when searching "생성형AI" (spacing, case and Unicode form ignored)', async () => {
    for (const search of ['생성형AI', '생성형 ai', '  생성형\u3000 A I', '생성형AI'.normalize('NFD')]) {
      const r = await t.gql(COURSES, { first: 100, filter: { search } }, { token: servant });
      expect(r.data.courses.edges.map((e: any) => e.node.title), search).toContain('생성형 AI 업무 활용');
    }
    // Tags and descriptions count too; unrelated words find nothing.
    const byTag = await t.gql(COURSES, { first: 100, filter: { search: '피벗테이블' } }, { token: servant });
    expect(byTag.data.courses.edges.map((e: any) => e.node.title)).toEqual(['엑셀 데이터 분석 기초']);
    const none = await t.gql(COURSES, { first: 100, filter: { search: '존재하지않는주제' } }, { token: servant });
    expect(none.data.courses.totalCount).toBe(0);
  });

  it('filters by exact tag and by format', async () => {
    const tag = await t.gql(COURSES, { first: 100, filter: { tag: '4대폭력예방' } }, { token: servant });
    expect(tag.data.courses.totalCount).toBe(6);
    const recorded = await t.gql(COURSES, { first: 100, filter: { format: 'RECORDED', categoryId: categories.get('STATUTORY')!.id } }, { token: servant });
    expect(recorded.data.courses.edges.map((e: any) => e.node.title)).toContain('성희롱 예방교육');
    expect(recorded.data.courses.edges.map((e: any) => e.node.title)).not.toContain('4대 폭력예방 교육');
  });
});

describe('paging', () => {
  it('walks every course forwards and backwards by length without gaps or repeats', async () => {
    const orderBy = { field: 'LENGTH', direction: 'DESC' };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r: any = await t.gql(COURSES, { first: 37, after, orderBy }, { token: servant });
      total = r.data.courses.totalCount;
      const lengths = r.data.courses.edges.map((e: any) => e.node.lengthMinutes);
      expect([...lengths].sort((a, b) => b - a)).toEqual(lengths);
      seen.push(...r.data.courses.edges.map((e: any) => e.node.id));
      if (!r.data.courses.pageInfo.hasNextPage) break;
      after = r.data.courses.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(150);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    const back: string[] = [];
    let before: string | null = null;
    for (;;) {
      const r: any = await t.gql(COURSES, { last: 50, before, orderBy }, { token: servant });
      back.unshift(...r.data.courses.edges.map((e: any) => e.node.id));
      if (!r.data.courses.pageInfo.hasPreviousPage) break;
      before = r.data.courses.pageInfo.startCursor;
    }
    expect(back).toEqual(seen);
  });

  it('caps the page size at 100', async () => {
    const r = await t.gql(COURSES, { first: 101 }, { token: servant });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('node lookup', () => {
  it('reaches courses, categories and learning resources by global id, and nothing for unknown ids', async () => {
    const c1 = await t.gql(`{ courses(first: 1, orderBy: { field: CODE }) { edges { node { id category { id } resources { id } } } } }`, {}, { token: servant });
    const course = c1.data.courses.edges[0].node;
    const r = await t.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Course { code } ... on Category { code } ... on LearningResource { title course { code } } } }`,
      { ids: [course.id, course.category.id, course.resources[0].id, Buffer.from('Course:999999').toString('base64url')] },
      { token: servant },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.nodes).toEqual([
      { __typename: 'Course', id: course.id, code: 'C-0001' },
      { __typename: 'Category', id: course.category.id, code: 'DIGITAL_AI' },
      { __typename: 'LearningResource', id: course.resources[0].id, title: '생성형 AI 업무 활용 강의 자료', course: { code: 'C-0001' } },
      null,
    ]);
    const anon = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: course.id });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('statement count', () => {
  it('courses with category and resources cost the same for first: 10 and first: 100', async () => {
    const q = `query($n: Int!) { courses(first: $n) { totalCount edges { node { code category { name parent { name } courseCount } resources { title url } } } } }`;
    let small: any;
    let large: any;
    const s10 = await t.countStatements(async () => {
      small = await t.gql(q, { n: 10 }, { token: servant });
    });
    const s100 = await t.countStatements(async () => {
      large = await t.gql(q, { n: 100 }, { token: servant });
    });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.courses.edges).toHaveLength(100);
    const resources = (r: any) => r.data.courses.edges.reduce((n: number, e: any) => n + e.node.resources.length, 0);
    expect(resources(large)).toBeGreaterThan(resources(small) * 5);
    expect(s100).toBe(s10);
    expect(s10).toBeLessThanOrEqual(8);
  });
});

describe('platformSettingsUpdate', () => {
  it('changes credits per hour, recomputes active courses exactly, and refuses bad values', async () => {
    const Q = `mutation($input: PlatformSettingsUpdateInput!) { platformSettingsUpdate(input: $input) { settings { creditsPerHour } userErrors { code message field } } }`;
    const bad = await t.gql(Q, { input: { creditsPerHour: '0' } }, { token: admin });
    expect(bad.data.platformSettingsUpdate.userErrors).toEqual([
      { code: 'INVALID_CREDITS_PER_HOUR', message: '시간당 학점은 0보다 크고 10 이하인 수로, 소수점 둘째 자리까지 입력하세요.', field: ['input', 'creditsPerHour'] },
    ]);
    const forbidden = await t.gql(Q, { input: { creditsPerHour: '2' } }, { token: servant });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    try {
      const ok = await t.gql(Q, { input: { creditsPerHour: '1.50' } }, { token: admin });
      expect(ok.data.platformSettingsUpdate).toEqual({ settings: { creditsPerHour: '1.5' }, userErrors: [] });
      const c1 = await t.gql(`{ courses(first: 1, orderBy: { field: CODE }) { edges { node { code lengthMinutes creditValue } } } platformSettings { creditsPerHour } }`, {}, { token: servant });
      expect(c1.data.courses.edges[0].node).toEqual({ code: 'C-0001', lengthMinutes: 120, creditValue: '3' });
      expect(c1.data.platformSettings.creditsPerHour).toBe('1.5');
      const made = await create({ title: '학점 설정 확인 과정', lengthMinutes: 90 });
      expect(made.data.courseCreate.course.creditValue).toBe('2.25');
    } finally {
      await t.gql(Q, { input: { creditsPerHour: '1' } }, { token: admin });
    }
    const [c] = await t.sql(`select credit_value from course where code = 'C-0001'`);
    expect(c.credit_value).toBe('2.00');
  });
});
