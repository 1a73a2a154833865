import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

let t: TestApp;
let tokens: Record<'admin' | 'suwon' | 'servant' | 'otherServant' | 'reporter', string>;
let suwonId: string;
let seongnamId: string;
let selfId: string;
let otherId: string;

const ID_OF = `query($emp: String!) { servants(first: 1, filter: { search: $emp }) { edges { node { id name } } } }`;

beforeAll(async () => {
  t = await createTestApp();
  tokens = {
    admin: await t.login(DEMO.admin),
    suwon: await t.login(DEMO.suwonAdmin),
    servant: await t.login(DEMO.servantSuwon),
    otherServant: await t.login(DEMO.servantSeongnam),
    reporter: await t.login(DEMO.reporter),
  };
  const orgs = await t.gql(`{ organizations(first: 100) { edges { node { id name } } } }`, {}, { token: tokens.admin });
  const byName = new Map(orgs.data.organizations.edges.map((e: any) => [e.node.name, e.node.id]));
  suwonId = byName.get('수원시') as string;
  seongnamId = byName.get('성남시') as string;
  selfId = (await t.gql(ID_OF, { emp: 'GG000001' }, { token: tokens.admin })).data.servants.edges[0].node.id;
  otherId = (await t.gql(ID_OF, { emp: 'GG000003' }, { token: tokens.admin })).data.servants.edges[0].node.id;
});
afterAll(() => t?.stop());

const PROFILE = `id name employeeNumber email interests hobbies assignments { position duties } educationRecords { title hours }`;

describe('a servant', () => {
  it('reads their own profile, including optional data', async () => {
    const r = await t.gql(`{ viewer { servant { ${PROFILE} } } }`, {}, { token: tokens.servant });
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer.servant).toMatchObject({ id: selfId, name: '김민준', interests: ['생성형 AI', '엑셀'] });
    expect(r.data.viewer.servant.assignments.length).toBeGreaterThan(0);
  });

  it('edits their own interests and hobbies', async () => {
    const r = await t.gql(
      `mutation($input: ServantProfileUpdateInput!) { servantProfileUpdate(input: $input) { servant { interests hobbies } userErrors { code message } } }`,
      { input: { interests: ['생성형 AI', '엑셀', '데이터 분석'], hobbies: ['등산', '사진'] } },
      { token: tokens.servant },
    );
    expect(r.data.servantProfileUpdate).toEqual({ servant: { interests: ['생성형 AI', '엑셀', '데이터 분석'], hobbies: ['등산', '사진'] }, userErrors: [] });
  });

  it('cannot read another servant directly, through node, nodes or a nested field', async () => {
    const list = await t.gql(`{ servants(first: 100) { totalCount edges { node { id } } } }`, {}, { token: tokens.servant });
    expect(list.data.servants.totalCount).toBe(1);
    expect(list.data.servants.edges.map((e: any) => e.node.id)).toEqual([selfId]);

    const node = await t.gql(`query($id: ID!) { node(id: $id) { id ... on Servant { name } } }`, { id: otherId }, { token: tokens.servant });
    expect(node.data.node).toBeNull();
    const nodes = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [otherId, selfId] }, { token: tokens.servant });
    expect(nodes.data.nodes).toEqual([null, { id: selfId }]);

    const nested = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Organization { servantCount servants(first: 100) { totalCount edges { node { id name } } } } } }`,
      { id: seongnamId },
      { token: tokens.servant },
    );
    expect(nested.data.node).toEqual({ servantCount: 0, servants: { totalCount: 0, edges: [] } });

    const searched = await t.gql(ID_OF, { emp: 'GG000003' }, { token: tokens.servant });
    expect(searched.data.servants.edges).toEqual([]);
  });

  it('cannot reach another servant\'s work history through its node id', async () => {
    const admin = await t.gql(`query($id: ID!) { node(id: $id) { ... on Servant { assignments { id } } } }`, { id: otherId }, { token: tokens.admin });
    const assignmentId = admin.data.node.assignments[0].id;
    const r = await t.gql(`query($id: ID!) { node(id: $id) { id ... on Assignment { duties } } }`, { id: assignmentId }, { token: tokens.servant });
    expect(r.data.node).toBeNull();
    const own = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: assignmentId }, { token: tokens.otherServant });
    expect(own.data.node).toEqual({ id: assignmentId });
  });

  it('cannot call administrator mutations', async () => {
    const r = await t.gql(
      `mutation($input: ServantUpdateInput!) { servantUpdate(input: $input) { userErrors { code } } }`,
      { input: { id: selfId, grade: 1 } },
      { token: tokens.servant },
    );
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await t.sql(`select grade from servant where employee_number = 'GG000001'`);
    expect(row.grade).toBe(7);
  });
});

describe('an organisation administrator of 수원시', () => {
  it('sees 수원시\'s servants and no one from 성남시', async () => {
    const all = await t.gql(`{ servants(first: 100) { totalCount edges { node { id organization { name } } } } }`, {}, { token: tokens.suwon });
    expect(all.errors).toBeUndefined();
    const [{ n }] = await t.sql(
      `select count(*)::int as n from servant s join organization o on o.id = s.organization_id where o.name = '수원시'`,
    );
    expect(all.data.servants.totalCount).toBe(n);
    expect(n).toBeGreaterThanOrEqual(25);
    expect(new Set(all.data.servants.edges.map((e: any) => e.node.organization.name))).toEqual(new Set(['수원시']));

    const seongnam = await t.gql(`query($id: ID!) { node(id: $id) { ... on Organization { servants { totalCount } } } }`, { id: seongnamId }, { token: tokens.suwon });
    expect(seongnam.data.node.servants.totalCount).toBe(0);
    const direct = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: otherId }, { token: tokens.suwon });
    expect(direct.data.node).toBeNull();
    const filtered = await t.gql(`query($org: String!) { servants(filter: { organizationId: $org }) { totalCount } }`, { org: seongnamId }, { token: tokens.suwon });
    expect(filtered.data.servants.totalCount).toBe(0);
  });

  it('reads a 수원시 servant\'s personal data, and the read is logged with who, when, where and what', async () => {
    const before = await t.sql(`select count(*)::int as n from personal_data_access_log`);
    const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on Servant { name phone assignments { duties } educationRecords { title } } } }`, { id: selfId }, { token: tokens.suwon });
    expect(r.errors).toBeUndefined();
    expect(r.data.node.name).toBe('김민준');
    const rows = await t.sql(
      `select l.action, l.ip, l.at, a.email from personal_data_access_log l join account a on a.id = l.actor_account_id
       join servant s on s.id = l.subject_servant_id where s.employee_number = 'GG000001' order by l.id desc limit 10`,
    );
    const actions = rows.filter((x) => x.email === DEMO.suwonAdmin).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['READ_PROFILE', 'READ_CONTACT', 'READ_WORK_HISTORY', 'READ_EDUCATION']));
    expect(rows[0].ip).toMatch(/127\.0\.0\.1/);
    const after = await t.sql(`select count(*)::int as n from personal_data_access_log`);
    expect(after[0].n).toBeGreaterThan(before[0].n);
  });

  it('cannot create a servant in 성남시', async () => {
    const r = await t.gql(
      `mutation($input: ServantCreateInput!) { servantCreate(input: $input) { servant { id } userErrors { code field message } } }`,
      { input: { employeeNumber: 'SCOPE001', name: '홍길동', organizationId: seongnamId, jobSeries: '행정', grade: 9 } },
      { token: tokens.suwon },
    );
    expect(r.data.servantCreate.servant).toBeNull();
    expect(r.data.servantCreate.userErrors).toEqual([{ code: 'OUT_OF_SCOPE', field: ['input', 'organizationId'], message: expect.stringContaining('성남시') }]);
    expect(await t.sql(`select 1 from servant where employee_number = 'SCOPE001'`)).toEqual([]);
  });
});

describe('an institute administrator', () => {
  it('sees everyone', async () => {
    const r = await t.gql(`{ servants { totalCount } }`, {}, { token: tokens.admin });
    const [{ n }] = await t.sql(`select count(*)::int as n from servant`);
    expect(r.data.servants.totalCount).toBe(n);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { ... on Servant { name } } }`, { id: otherId }, { token: tokens.admin });
    expect(node.data.node.name).toBe('박지훈');
  });
});

describe('a reporter', () => {
  it('sees organisations but no servant', async () => {
    const r = await t.gql(`{ servants { totalCount } organizations(first: 1) { totalCount } }`, {}, { token: tokens.reporter });
    expect(r.data.servants.totalCount).toBe(0);
    expect(r.data.organizations.totalCount).toBeGreaterThan(31);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: selfId }, { token: tokens.reporter });
    expect(node.data.node).toBeNull();
  });
});

describe('anonymous callers', () => {
  it('are refused with UNAUTHENTICATED', async () => {
    const r = await t.gql(`{ servants { totalCount } }`);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toBe('로그인이 필요합니다.');
  });
});

describe('the personal-data access log', () => {
  it('cannot be updated, deleted or truncated, even with direct SQL', async () => {
    await t.gql(`query($id: ID!) { node(id: $id) { ... on Servant { phone } } }`, { id: selfId }, { token: tokens.admin });
    await expect(t.sql(`update personal_data_access_log set action = 'X'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`delete from personal_data_access_log`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`truncate personal_data_access_log`)).rejects.toThrow(/append-only/);
  });

  it('does not log a servant reading their own data', async () => {
    const [{ n: before }] = await t.sql(`select count(*)::int as n from personal_data_access_log`);
    await t.gql(`{ viewer { servant { phone assignments { duties } } } }`, {}, { token: tokens.servant });
    const [{ n: after }] = await t.sql(`select count(*)::int as n from personal_data_access_log`);
    expect(after).toBe(before);
  });
});

describe('global ids', () => {
  it('refuses an id of the wrong type instead of returning another row', async () => {
    const r = await t.gql(
      `mutation($input: ServantUpdateInput!) { servantUpdate(input: $input) { servant { id } userErrors { code field } } }`,
      { input: { id: suwonId, name: '바뀐이름' } },
      { token: tokens.admin },
    );
    expect(r.data.servantUpdate.userErrors).toEqual([{ code: 'INVALID_ID', field: ['input', 'id'] }]);
    const malformed = await t.gql(`{ node(id: "not-an-id!") { id } }`, {}, { token: tokens.admin });
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
