import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, nextResults, type TestApp } from '../test/harness.js';

let t: TestApp;
let admin: string;
let suwonAdmin: string;
let orgs: Map<string, { id: string; code: string }>;

const CREATE = `mutation($input: ServantCreateInput!) { servantCreate(input: $input) {
  servant { id employeeNumber name email grade jobSeries hireDate organization { name } department { name } }
  userErrors { code message field } } }`;
const UPDATE = `mutation($input: ServantUpdateInput!) { servantUpdate(input: $input) {
  servant { id name grade organization { name } department { name } } userErrors { code message field } } }`;

async function snapshot() {
  return t.sql(`select employee_number, name, email, grade, job_series, organization_id, department_id, hire_date, updated_at from servant order by id`);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO.admin);
  suwonAdmin = await t.login(DEMO.suwonAdmin);
  const r = await t.gql(`{ organizations(first: 100) { edges { node { id code name } } } o2: organizations(first: 100, filter: { search: "정보통신과" }) { edges { node { id code name parent { name } } } } }`, {}, { token: admin });
  orgs = new Map(r.data.organizations.edges.map((e: any) => [e.node.name, e.node]));
  for (const e of r.data.o2.edges) orgs.set(`${e.node.parent.name} ${e.node.name}`, e.node);
});
afterAll(() => t?.stop());

describe('servantCreate', () => {
  it('creates a servant in a city department', async () => {
    const r = await t.gql(
      CREATE,
      {
        input: {
          employeeNumber: ' ab12345 ',
          name: '  한  지민 ',
          email: 'JIMIN.HAN@suwon.go.kr',
          organizationId: orgs.get('수원시')!.id,
          departmentId: orgs.get('수원시 정보통신과')!.id,
          jobSeries: '전산',
          grade: 8,
          hireDate: '2024-03-02',
        },
      },
      { token: suwonAdmin },
    );
    expect(r.data.servantCreate.userErrors).toEqual([]);
    expect(r.data.servantCreate.servant).toMatchObject({
      employeeNumber: 'AB12345',
      name: '한 지민',
      email: 'jimin.han@suwon.go.kr',
      grade: 8,
      hireDate: '2024-03-02',
      organization: { name: '수원시' },
      department: { name: '정보통신과' },
    });
  });

  it('reports every problem at once, in Korean, with the field, and changes nothing', async () => {
    const before = await snapshot();
    const r = await t.gql(
      CREATE,
      { input: { employeeNumber: 'x', name: '', email: 'not-mail', organizationId: orgs.get('수원시')!.id, jobSeries: '행정', grade: 12, position: '가'.repeat(51) } },
      { token: admin },
    );
    expect(r.data.servantCreate.servant).toBeNull();
    expect(r.data.servantCreate.userErrors).toEqual([
      { code: 'INVALID_FORMAT', message: '사번은 영문 대문자와 숫자 3~20자여야 합니다.', field: ['input', 'employeeNumber'] },
      { code: 'REQUIRED', message: '성명은(는) 필수입니다.', field: ['input', 'name'] },
      { code: 'INVALID_FORMAT', message: '이메일 형식이 올바르지 않습니다.', field: ['input', 'email'] },
      { code: 'INVALID_GRADE', message: '급수는 1부터 9 사이여야 합니다.', field: ['input', 'grade'] },
      { code: 'TOO_LONG', message: '직위은(는) 50자 이하여야 합니다.', field: ['input', 'position'] },
    ]);
    expect(await snapshot()).toEqual(before);
    // A value that is not even a date is a malformed request, refused before any resolver.
    const badDate = await t.gql(CREATE, { input: { employeeNumber: 'DATE01', name: '날짜', organizationId: orgs.get('수원시')!.id, jobSeries: '행정', grade: 9, hireDate: '2024-02-30' } }, { token: admin });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('answers in English when the client asks for it', async () => {
    const r = await t.gql(
      CREATE,
      { input: { employeeNumber: 'EN0001', name: 'Kim', organizationId: orgs.get('수원시')!.id, jobSeries: '행정', grade: 0 } },
      { token: admin, headers: { 'accept-language': 'en-US,en;q=0.9,ko;q=0.5' } },
    );
    expect(r.data.servantCreate.userErrors).toEqual([{ code: 'INVALID_GRADE', message: 'The grade must be between 1 and 9.', field: ['input', 'grade'] }]);
  });

  it('refuses a department that is not under the organisation, and a department as organisation', async () => {
    const wrongDept = await t.gql(
      CREATE,
      { input: { employeeNumber: 'DEPT001', name: '김부서', organizationId: orgs.get('성남시')!.id, departmentId: orgs.get('수원시 정보통신과')!.id, jobSeries: '행정', grade: 9 } },
      { token: admin },
    );
    expect(wrongDept.data.servantCreate.userErrors).toEqual([
      { code: 'INVALID_ORGANIZATION', message: '부서 정보통신과은(는) 성남시 소속이 아닙니다.', field: ['input', 'departmentId'] },
    ]);
    const deptAsOrg = await t.gql(
      CREATE,
      { input: { employeeNumber: 'DEPT002', name: '김부서', organizationId: orgs.get('수원시 정보통신과')!.id, jobSeries: '행정', grade: 9 } },
      { token: admin },
    );
    expect(deptAsOrg.data.servantCreate.userErrors[0].code).toBe('INVALID_ORGANIZATION');
  });

  it('registers an employee number once, even when the same request arrives ten times at once', async () => {
    const input = { employeeNumber: 'RACE0001', name: '동시성', organizationId: orgs.get('수원시')!.id, jobSeries: '행정', grade: 9 };
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(CREATE, { input }, { token: admin })));
    const ok = results.filter((r) => r.data.servantCreate.servant);
    const taken = results.filter((r) => r.data.servantCreate.userErrors[0]?.code === 'EMPLOYEE_NUMBER_TAKEN');
    expect(ok).toHaveLength(1);
    expect(taken).toHaveLength(9);
    expect(taken[0].data.servantCreate.userErrors[0].message).toBe('사번 RACE0001은(는) 이미 등록되어 있습니다.');
    expect(await t.sql(`select 1 from servant where employee_number = 'RACE0001'`)).toHaveLength(1);
  });
});

describe('servantUpdate', () => {
  it('changes only the given fields and moves a servant between organisations in scope', async () => {
    const created = await t.gql(CREATE, { input: { employeeNumber: 'UPD0001', name: '이동', organizationId: orgs.get('수원시')!.id, departmentId: orgs.get('수원시 정보통신과')!.id, jobSeries: '전산', grade: 9 } }, { token: admin });
    const id = created.data.servantCreate.servant.id;
    const r = await t.gql(UPDATE, { input: { id, grade: 8 } }, { token: suwonAdmin });
    expect(r.data.servantUpdate).toEqual({ servant: { id, name: '이동', grade: 8, organization: { name: '수원시' }, department: { name: '정보통신과' } }, userErrors: [] });

    // The 수원시 administrator cannot move them to 성남시 …
    const out = await t.gql(UPDATE, { input: { id, organizationId: orgs.get('성남시')!.id } }, { token: suwonAdmin });
    expect(out.data.servantUpdate.userErrors).toEqual([{ code: 'OUT_OF_SCOPE', message: '관리 범위 밖의 기관입니다: 성남시', field: ['input', 'organizationId'] }]);
    // … the institute administrator can, and the department is cleared.
    const moved = await t.gql(UPDATE, { input: { id, organizationId: orgs.get('성남시')!.id } }, { token: admin });
    expect(moved.data.servantUpdate.servant).toMatchObject({ organization: { name: '성남시' }, department: null });
    // Now out of the 수원시 administrator's reach entirely.
    const gone = await t.gql(UPDATE, { input: { id, grade: 7 } }, { token: suwonAdmin });
    expect(gone.data.servantUpdate.userErrors[0].code).toBe('SERVANT_NOT_FOUND');
    const [row] = await t.sql(`select grade from servant where employee_number = 'UPD0001'`);
    expect(row.grade).toBe(8);
  });

  it('refuses to take an employee number that is in use', async () => {
    const created = await t.gql(CREATE, { input: { employeeNumber: 'UPD0002', name: '중복', organizationId: orgs.get('수원시')!.id, jobSeries: '행정', grade: 9 } }, { token: admin });
    const r = await t.gql(UPDATE, { input: { id: created.data.servantCreate.servant.id, employeeNumber: 'GG000001' } }, { token: admin });
    expect(r.data.servantUpdate.userErrors).toEqual([{ code: 'EMPLOYEE_NUMBER_TAKEN', message: '사번 GG000001은(는) 이미 등록되어 있습니다.', field: ['input', 'employeeNumber'] }]);
  });
});

describe('servantProfileUpdate and consent', () => {
  it('refuses interests without consent, and withdrawing consent erases the optional data', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const Q = `mutation($input: ServantProfileUpdateInput!) { servantProfileUpdate(input: $input) { servant { interests hobbies consentGivenAt } userErrors { code field message } } }`;
    const withdrawn = await t.gql(Q, { input: { consent: false } }, { token });
    expect(withdrawn.data.servantProfileUpdate).toEqual({ servant: { interests: [], hobbies: [], consentGivenAt: null }, userErrors: [] });
    const [row] = await t.sql(`select interests, hobbies, consent_given_at from servant where employee_number = 'GG000001'`);
    expect(row).toEqual({ interests: [], hobbies: [], consent_given_at: null });

    const refused = await t.gql(Q, { input: { interests: ['재테크'] } }, { token });
    expect(refused.data.servantProfileUpdate.userErrors).toEqual([
      { code: 'CONSENT_REQUIRED', field: ['input', 'consent'], message: '관심사와 취미를 저장하려면 개인정보 수집·이용에 동의해야 합니다.' },
    ]);
    const given = await t.gql(Q, { input: { consent: true, interests: [' 재테크 ', '재테크', '생성형 AI'] } }, { token });
    expect(given.data.servantProfileUpdate.servant.interests).toEqual(['재테크', '생성형 AI']);
    expect(given.data.servantProfileUpdate.servant.consentGivenAt).toMatch(/^\d{4}-/);
  });

  it('is refused for an account that is not a servant', async () => {
    const r = await t.gql(`mutation { servantProfileUpdate(input: { hobbies: ["독서"] }) { userErrors { code } } }`, {}, { token: admin });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the database itself refuses optional data without consent', async () => {
    await expect(t.sql(`update servant set interests = '{"몰래"}', consent_given_at = null where employee_number = 'GG000004'`)).rejects.toThrow(/servant_optional_data_needs_consent/);
  });
});

describe('servantChanged subscription', () => {
  it('delivers changes in scope to an organisation administrator, and not those outside it', async () => {
    const suwonClient = t.ws(suwonAdmin);
    const sub = nextResults(suwonClient, `subscription { servantChanged { kind servant { employeeNumber name } } }`, {}, 1);
    await new Promise((r) => setTimeout(r, 200));
    await t.gql(CREATE, { input: { employeeNumber: 'SUB0001', name: '성남사람', organizationId: orgs.get('성남시')!.id, jobSeries: '행정', grade: 9 } }, { token: admin });
    await t.gql(CREATE, { input: { employeeNumber: 'SUB0002', name: '수원사람', organizationId: orgs.get('수원시')!.id, jobSeries: '행정', grade: 9 } }, { token: admin });
    const [event] = await sub.done;
    expect(event.data.servantChanged).toEqual({ kind: 'CREATED', servant: { employeeNumber: 'SUB0002', name: '수원사람' } });
  });
});
