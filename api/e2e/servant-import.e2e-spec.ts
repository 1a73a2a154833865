import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

let t: TestApp;
let admin: string;
let suwonAdmin: string;

const IMPORT = `mutation($input: ServantImportInput!) { servantImport(input: $input) {
  totalRows createdCount updatedCount unchangedCount
  rowErrors { line employeeNumber code message column }
  userErrors { code message field } } }`;

const HEADER = 'employee_number,name,email,organization_code,department_code,job_series,grade,position,hire_date';

interface RowError {
  line: number;
  employeeNumber: string | null;
  code: string;
  message: string;
  column: string | null;
}
interface ImportPayload {
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rowErrors: RowError[];
  userErrors: { code: string; message: string; field: string[] | null }[];
}

async function importCsv(csv: string, token: string, headers?: Record<string, string>): Promise<ImportPayload> {
  const r = await t.gql<{ servantImport: ImportPayload }>(IMPORT, { input: { csv } }, { token, headers });
  expect(r.errors).toBeUndefined();
  return r.data.servantImport;
}

/** Every column of every servant, as text so that microseconds of updated_at count. */
async function snapshot() {
  return t.sql<Record<string, string | null>>(
    `select id::text, employee_number, name, email, phone, organization_id::text, department_id::text, job_series, grade::text,
            position, hire_date::text, interests::text, hobbies::text, consent_given_at::text, created_at::text, updated_at::text
       from servant order by id`,
  );
}

async function logCount() {
  const [r] = await t.sql<{ n: string }>(`select count(*)::text as n from personal_data_access_log`);
  return Number(r.n);
}

/** The stored servants whose employee number starts with `prefix`, with their organisation codes. */
async function stored(prefix: string) {
  return t.sql(
    `select s.employee_number, s.name, s.email, o.code as org, d.code as dept, s.job_series, s.grade, s.position, s.hire_date::text as hire_date
       from servant s join organization o on o.id = s.organization_id left join organization d on d.id = s.department_id
      where s.employee_number like $1 order by s.employee_number`,
    [`${prefix}%`],
  );
}

function csvOf(rows: string[], header = HEADER) {
  return [header, ...rows].join('\n') + '\n';
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO.admin);
  suwonAdmin = await t.login(DEMO.suwonAdmin);
});
afterAll(() => t?.stop());

describe('servantImport', () => {
  // Lines: header = 1, then one line per row below.
  const MIXED = csvOf([
    'IMPA001,홍길동,gildong@suwon.go.kr,41110,41110-D04,전산,7,주무관,2020-03-02', // 2 good
    'IMPA002,,,41110,,행정,8,,2021-01-04', // 3 missing name
    'IMPA003,이몽룡,,41130,,행정,12,,', // 4 grade 12
    'IMPA004,성춘향,,99999,,행정,7,,', // 5 unknown organisation
    'IMPA005,변학도,,41110,41130-D03,세무,6,,', // 6 department of 성남시 under 수원시
    'IMPA006,향단,,41130,41130-D05,행정,9,,2024-02-30', // 7 no such date
    'IMPA007,방자,,41000,,행정,5,"사무관, 기획",2019-01-01', // 8 good (quoted comma)
    'IMPA001,홍길순,,41110,,행정,8,,', // 9 duplicate of line 2
    'imp-008,월매,,41110,,행정,8,,', // 10 bad employee number format
    'IMPA009,춘풍,,41110-D04,,행정,8,,', // 11 a department as organisation
    'impa010,심청,,41130,41130-D03,세무,6,팀장,2011-07-01', // 12 good (lower-case number is normalised)
  ]);

  it('reports each bad row with its line, employee number, code and Korean message, and commits the good rows', async () => {
    const before = await logCount();
    const r = await importCsv(MIXED, admin);
    expect(r.userErrors).toEqual([]);
    expect(r).toMatchObject({ totalRows: 11, createdCount: 3, updatedCount: 0, unchangedCount: 0 });
    expect(r.rowErrors).toEqual([
      { line: 3, employeeNumber: 'IMPA002', code: 'REQUIRED', message: '성명은(는) 필수입니다.', column: 'name' },
      { line: 4, employeeNumber: 'IMPA003', code: 'INVALID_GRADE', message: '급수는 1부터 9 사이여야 합니다.', column: 'grade' },
      { line: 5, employeeNumber: 'IMPA004', code: 'INVALID_ORGANIZATION', message: '기관을 찾을 수 없습니다: 99999', column: 'organizationCode' },
      { line: 6, employeeNumber: 'IMPA005', code: 'INVALID_ORGANIZATION', message: '부서 41130-D03은(는) 수원시 소속이 아닙니다.', column: 'departmentCode' },
      { line: 7, employeeNumber: 'IMPA006', code: 'INVALID_FORMAT', message: '임용일은(는) YYYY-MM-DD 형식의 날짜여야 합니다.', column: 'hireDate' },
      { line: 9, employeeNumber: 'IMPA001', code: 'DUPLICATE_ROW', message: '사번 IMPA001이(가) 2행에도 있습니다.', column: 'employeeNumber' },
      { line: 10, employeeNumber: 'IMP-008', code: 'INVALID_FORMAT', message: '사번은 영문 대문자와 숫자 3~20자여야 합니다.', column: 'employeeNumber' },
      { line: 11, employeeNumber: 'IMPA009', code: 'INVALID_ORGANIZATION', message: '소속 기관은 경기도 또는 시·군이어야 합니다.', column: 'organizationCode' },
    ]);

    expect(await stored('IMPA')).toEqual([
      { employee_number: 'IMPA001', name: '홍길동', email: 'gildong@suwon.go.kr', org: '41110', dept: '41110-D04', job_series: '전산', grade: 7, position: '주무관', hire_date: '2020-03-02' },
      { employee_number: 'IMPA007', name: '방자', email: null, org: '41000', dept: null, job_series: '행정', grade: 5, position: '사무관, 기획', hire_date: '2019-01-01' },
      { employee_number: 'IMPA010', name: '심청', email: null, org: '41130', dept: '41130-D03', job_series: '세무', grade: 6, position: '팀장', hire_date: '2011-07-01' },
    ]);
    expect(await logCount()).toBe(before + 3);
    // The API itself lists the new servant.
    const list = await t.gql(`{ servants(first: 10, filter: { search: "홍길동" }) { totalCount edges { node { employeeNumber grade organization { name } department { name } } } } }`, {}, { token: admin });
    expect(list.errors).toBeUndefined();
    expect(list.data.servants.edges.map((e: any) => e.node)).toEqual([
      { employeeNumber: 'IMPA001', grade: 7, organization: { name: '수원시' }, department: { name: '정보통신과' } },
    ]);
    // The duplicate on line 9 (홍길순) did not overwrite line 2.
    expect(await t.sql(`select 1 from servant where name = '홍길순'`)).toEqual([]);
  });

  it('reports the same rows in English with Accept-Language: en', async () => {
    const r = await importCsv(MIXED, admin, { 'accept-language': 'en-US,en;q=0.9' });
    expect(r).toMatchObject({ totalRows: 11, createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect(r.rowErrors.map((e) => [e.line, e.employeeNumber, e.code, e.message])).toEqual([
      [3, 'IMPA002', 'REQUIRED', 'name is required.'],
      [4, 'IMPA003', 'INVALID_GRADE', 'The grade must be between 1 and 9.'],
      [5, 'IMPA004', 'INVALID_ORGANIZATION', 'Organisation not found: 99999'],
      [6, 'IMPA005', 'INVALID_ORGANIZATION', 'Department 41130-D03 does not belong to 수원시.'],
      [7, 'IMPA006', 'INVALID_FORMAT', 'hire date must be a date in YYYY-MM-DD form.'],
      [9, 'IMPA001', 'DUPLICATE_ROW', 'Employee number IMPA001 also appears on line 2.'],
      [10, 'IMP-008', 'INVALID_FORMAT', 'An employee number is 3 to 20 upper-case letters and digits.'],
      [11, 'IMPA009', 'INVALID_ORGANIZATION', 'The organisation must be the province, a city or a county.'],
    ]);
  });

  describe('re-import', () => {
    // GG000001 is the demo servant 김민준 exactly as seeded: identical from the first run on.
    const rows = [
      'IMPB001,김하늘,haneul@suwon.go.kr,41110,41110-D04,전산,7,주무관,2020-03-02',
      'IMPB002,이바다,,41110,41110-D02,행정,8,,2022-07-01',
      'IMPB003,박노을,,41130,41130-D03,세무,6,팀장,2010-01-04',
      'IMPB004,최구름,,41000,,행정,4,과장,',
      'GG000001,김민준,gg000001@demo.kok.go.kr,41110,41110-D04,전산,7,주무관,2019-03-04',
      'IMPB005,,,41110,,행정,8,,', // bad: no name
    ];
    const header = `${HEADER},phone`;
    const withPhone = (r: string, i: number) => `${r},${i === 4 ? '010-1000-0001' : ''}`;
    const FILE = csvOf(rows.map(withPhone), header);

    it('first run creates the new servants and leaves an identical existing one unchanged', async () => {
      const before = await snapshot();
      const r = await importCsv(FILE, admin);
      expect(r).toMatchObject({ totalRows: 6, createdCount: 4, updatedCount: 0, unchangedCount: 1, userErrors: [] });
      expect(r.rowErrors.map((e) => [e.line, e.code])).toEqual([[7, 'REQUIRED']]);
      const after = await snapshot();
      expect(after.length).toBe(before.length + 4);
      // GG000001 was not touched.
      expect(after.find((s) => s.employee_number === 'GG000001')).toEqual(before.find((s) => s.employee_number === 'GG000001'));
    });

    it('importing the same file again changes nothing, not even updated_at', async () => {
      const before = await snapshot();
      const logs = await logCount();
      const r = await importCsv(FILE, admin);
      expect(r).toMatchObject({ totalRows: 6, createdCount: 0, updatedCount: 0, unchangedCount: 5, userErrors: [] });
      expect(r.rowErrors.map((e) => [e.line, e.code])).toEqual([[7, 'REQUIRED']]);
      expect(await snapshot()).toEqual(before);
      expect(await logCount()).toBe(logs);
    });

    it('treats case, spacing and Unicode normalisation differences as unchanged', async () => {
      const before = await snapshot();
      const noisy = csvOf(
        [
          ' impb001 , 김하늘 ,HANEUL@SUWON.GO.KR,41110,41110-D04, 전산 ,7급,주무관,2020-03-02,',
          `IMPB002,${'이바다'.normalize('NFD')},,41110,41110-D02,행정,8,,2022-07-01,`,
        ],
        header,
      );
      const r = await importCsv(noisy, admin);
      expect(r).toMatchObject({ totalRows: 2, createdCount: 0, updatedCount: 0, unchangedCount: 2, rowErrors: [] });
      expect(await snapshot()).toEqual(before);
    });

    it('a changed row counts as updated and only that row changes', async () => {
      const before = await snapshot();
      const changed = FILE.replace('IMPB003,박노을,,41130,41130-D03,세무,6,팀장', 'IMPB003,박노을,,41130,41130-D03,세무,5,팀장');
      expect(changed).not.toBe(FILE);
      const r = await importCsv(changed, admin);
      expect(r).toMatchObject({ totalRows: 6, createdCount: 0, updatedCount: 1, unchangedCount: 4 });
      const after = await snapshot();
      expect(after.length).toBe(before.length);
      const differing = after.filter((s, i) => JSON.stringify(s) !== JSON.stringify(before[i]));
      expect(differing.map((s) => s.employee_number)).toEqual(['IMPB003']);
      const old = before.find((s) => s.employee_number === 'IMPB003')!;
      const now = differing[0];
      expect(now).toEqual({ ...old, grade: '5', updated_at: now.updated_at });
      expect(new Date(now.updated_at!).getTime()).toBeGreaterThan(new Date(old.updated_at!).getTime());
    });
  });

  it('reports the file line of a bad row after blank lines and values that span lines', async () => {
    const csv = [
      HEADER, // 1
      'IMPN001,라인일,,41110,,행정,8,,', // 2 good
      '', // 3 blank
      'IMPN002,라인이,,41110,,행정,12,,', // 4 bad grade
      'IMPN003,"두 줄', // 5
      '이름",,41110,,행정,8,,', // 6 (end of a quoted value spanning lines) good
      'IMPN004,라인사,,99999,,행정,8,,', // 7 unknown organisation
    ].join('\n');
    const r = await importCsv(csv, admin);
    expect(r.rowErrors.map((e) => [e.line, e.employeeNumber])).toEqual([
      [4, 'IMPN002'],
      [7, 'IMPN004'],
    ]);
    expect(r.createdCount).toBe(2);
  });

  it('keeps stored values of optional columns the file does not have', async () => {
    const [before] = await t.sql(`select email, phone, department_id, position, hire_date::text from servant where employee_number = 'GG000002'`);
    expect(before.email).not.toBeNull();
    const r = await importCsv(['employee_number,name,organization_code,job_series,grade', 'GG000002,이서연,41110,행정,7'].join('\n'), admin);
    expect(r).toMatchObject({ updatedCount: 1, rowErrors: [] });
    const [after] = await t.sql(`select email, phone, department_id, position, hire_date::text, grade from servant where employee_number = 'GG000002'`);
    expect(after).toEqual({ ...before, grade: 7 });
  });

  it('accepts Korean headers and grades written like "7급"', async () => {
    const csv =
      '\uFEFF사번,성명,기관코드,부서코드,직렬,급수,임용일\n' +
      'IMPK001,정다운,41110,41110-D04,전산,7급,2023-01-02\n' +
      'IMPK002,강산,41130,,행정,9급,\n' +
      'IMPK003,윤슬,41110,,행정,10급,\n' +
      'IMPK004,하람,41110,,행정,,\n' +
      'IMPK005,나래,41110,,행정,칠급,\n';
    const r = await importCsv(csv, admin);
    expect(r).toMatchObject({ totalRows: 5, createdCount: 2, updatedCount: 0, unchangedCount: 0, userErrors: [] });
    expect(r.rowErrors.map((e) => [e.line, e.employeeNumber, e.code, e.message])).toEqual([
      [4, 'IMPK003', 'INVALID_GRADE', '급수는 1부터 9 사이여야 합니다.'],
      [5, 'IMPK004', 'REQUIRED', '급수은(는) 필수입니다.'],
      [6, 'IMPK005', 'INVALID_GRADE', '급수는 1부터 9 사이여야 합니다.'],
    ]);
    expect(await stored('IMPK')).toEqual([
      { employee_number: 'IMPK001', name: '정다운', email: null, org: '41110', dept: '41110-D04', job_series: '전산', grade: 7, position: '', hire_date: '2023-01-02' },
      { employee_number: 'IMPK002', name: '강산', email: null, org: '41130', dept: null, job_series: '행정', grade: 9, position: '', hire_date: null },
    ]);
  });

  describe('refuses a whole file without changing anything', () => {
    const cases: [string, string, string, string | RegExp][] = [
      ['an empty file', '', 'CSV_EMPTY', 'CSV에 데이터 행이 없습니다.'],
      ['a header without rows', `${HEADER}\n\n`, 'CSV_EMPTY', 'CSV에 데이터 행이 없습니다.'],
      [
        'missing required columns',
        'employee_number,organization_code,job_series\nIMPR001,41110,행정\nIMPR002,41130,세무\n',
        'CSV_MISSING_COLUMNS',
        '필수 열이 없습니다: name, grade',
      ],
      [
        'an unclosed quote',
        csvOf(['IMPR003,서하,,41110,,행정,8,,', 'IMPR004,"도윤,,41110,,행정,8,,', 'IMPR005,이안,,41110,,행정,8,,']),
        'CSV_MALFORMED',
        /^CSV를 읽을 수 없습니다: .+/,
      ],
    ];
    it.each(cases)('%s', async (_name, csv, code, message) => {
      const before = await snapshot();
      const logs = await logCount();
      const r = await importCsv(csv, admin);
      expect(r.userErrors).toHaveLength(1);
      expect(r.userErrors[0].code).toBe(code);
      expect(r.userErrors[0].message).toMatch(message);
      expect(r.userErrors[0].field).toEqual(['input', 'csv']);
      expect(r).toMatchObject({ totalRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, rowErrors: [] });
      expect(await snapshot()).toEqual(before);
      expect(await logCount()).toBe(logs);
    });

    it('in English too', async () => {
      const r = await importCsv('employee_number,name\nIMPR006,가\n', admin, { 'accept-language': 'en' });
      expect(r.userErrors).toEqual([{ code: 'CSV_MISSING_COLUMNS', message: 'Required columns are missing: organization_code, job_series, grade', field: ['input', 'csv'] }]);
    });
  });

  describe('scope', () => {
    it('an organisation administrator imports only within its organisation', async () => {
      const gg3Before = await t.sql(`select * from servant where employee_number = 'GG000003'`);
      const csv = csvOf([
        'IMPS001,수원일,,41110,41110-D04,전산,8,,', // 2 good
        'IMPS002,성남일,,41130,,행정,8,,', // 3 성남시
        'IMPS003,성남이,,41130,41130-D03,세무,7,,', // 4 성남시 department
        'IMPS004,도청일,,41000,,행정,7,,', // 5 the province
        'GG000003,박지훈,gg000003@demo.kok.go.kr,41110,41110-D03,세무,6,팀장,2011-07-01', // 6 a 성남시 servant moved into 수원시
        'IMPS005,수원이,,41110,,행정,9,,', // 7 good
      ]);
      const r = await importCsv(csv, suwonAdmin);
      expect(r).toMatchObject({ totalRows: 6, createdCount: 2, updatedCount: 0, unchangedCount: 0, userErrors: [] });
      expect(r.rowErrors.map((e) => [e.line, e.employeeNumber, e.code])).toEqual([
        [3, 'IMPS002', 'OUT_OF_SCOPE'],
        [4, 'IMPS003', 'OUT_OF_SCOPE'],
        [5, 'IMPS004', 'OUT_OF_SCOPE'],
        [6, 'GG000003', 'OUT_OF_SCOPE'],
      ]);
      expect(r.rowErrors[0].message).toBe('관리 범위 밖의 기관입니다: 성남시');
      expect(r.rowErrors[1].message).toBe('관리 범위 밖의 기관입니다: 세정과');
      expect(r.rowErrors[2].message).toBe('관리 범위 밖의 기관입니다: 경기도');
      // It does not name the organisation the servant belongs to.
      expect(r.rowErrors[3].message).toBe('사번 GG000003의 공무원은 관리 범위 밖의 기관 소속입니다.');
      expect((await stored('IMPS')).map((s) => s.employee_number)).toEqual(['IMPS001', 'IMPS005']);
      expect(await t.sql(`select * from servant where employee_number = 'GG000003'`)).toEqual(gg3Before);

      // The 성남시 administrator may update its own servant with the same kind of row.
      const seongnam = await t.login(DEMO.seongnamAdmin);
      const own = await importCsv(csvOf(['GG000003,박지훈,gg000003@demo.kok.go.kr,41130,41130-D03,세무,5,팀장,2011-07-01']), seongnam);
      expect(own).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 0, rowErrors: [] });
      expect((await t.sql(`select grade from servant where employee_number = 'GG000003'`))[0].grade).toBe(5);
    });

    it('a servant account gets a top-level FORBIDDEN and nothing changes', async () => {
      const token = await t.login(DEMO.servantSuwon);
      const before = await snapshot();
      const logs = await logCount();
      const r = await t.gql(IMPORT, { input: { csv: csvOf(['IMPF001,금지,,41110,,행정,8,,', 'GG000001,김민준,,41110,,행정,1,,']) } }, { token });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.errors?.[0].message).toBe('이 작업을 할 권한이 없습니다.');
      expect(r.data?.servantImport ?? null).toBeNull();
      expect(await snapshot()).toEqual(before);
      expect(await logCount()).toBe(logs);
      // And without a session at all.
      const anon = await t.gql(IMPORT, { input: { csv: csvOf(['IMPF002,익명,,41110,,행정,8,,']) } });
      expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await snapshot()).toEqual(before);
    });
  });

  it('logs personal-data access for each servant written, not for unchanged rows', async () => {
    const [{ id: adminId }] = await t.sql<{ id: number }>(`select id from account where email = $1`, [DEMO.admin]);
    const [{ max: since }] = await t.sql<{ max: string }>(`select coalesce(max(id), 0)::text as max from personal_data_access_log`);
    const entries = () =>
      t.sql<{ employee_number: string; action: string; actor_account_id: number; actor_roles: string; operation: string }>(
        `select s.employee_number, l.action, l.actor_account_id, l.actor_roles, l.operation
           from personal_data_access_log l join servant s on s.id = l.subject_servant_id
          where l.id > $1 order by s.employee_number, l.id`,
        [since],
      );
    await importCsv(csvOf(['IMPL001,로그일,,41110,,행정,8,,', 'IMPL002,로그이,,41130,,행정,8,,']), admin);
    expect(await entries()).toEqual([
      { employee_number: 'IMPL001', action: 'CREATE', actor_account_id: adminId, actor_roles: 'INSTITUTE_ADMIN', operation: 'servantImport' },
      { employee_number: 'IMPL002', action: 'CREATE', actor_account_id: adminId, actor_roles: 'INSTITUTE_ADMIN', operation: 'servantImport' },
    ]);
    // IMPL001 unchanged, IMPL002 changed, IMPL003 new, one bad row: two more entries.
    const r = await importCsv(csvOf(['IMPL001,로그일,,41110,,행정,8,,', 'IMPL002,로그이,,41130,,행정,7,,', 'IMPL003,로그삼,,41000,,행정,8,,', 'IMPL004,,,41000,,행정,8,,']), admin);
    expect(r).toMatchObject({ createdCount: 1, updatedCount: 1, unchangedCount: 1 });
    expect((await entries()).map((e) => [e.employee_number, e.action])).toEqual([
      ['IMPL001', 'CREATE'],
      ['IMPL002', 'CREATE'],
      ['IMPL002', 'UPDATE'],
      ['IMPL003', 'CREATE'],
    ]);
  });

  it('imports 10,000 rows in one call, and the same file again changes nothing', { timeout: 120_000 }, async () => {
    const units = await t.sql<{ org: string; dept: string | null }>(
      `select o.code as org, d.code as dept from organization o left join organization d on d.parent_id = o.id
        where o.kind in ('CITY', 'COUNTY') order by o.code, d.code`,
    );
    const cities = [...new Set(units.map((u) => u.org))];
    expect(cities).toHaveLength(31);
    const deptsOf = new Map(cities.map((c) => [c, units.filter((u) => u.org === c && u.dept).map((u) => u.dept!)]));
    const surnames = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'];
    const given = ['민준', '서연', '도윤', '하은', '시우', '지유', '주원', '서윤', '예준', '지아', '건우', '수아'];
    const series = ['행정', '세무', '전산', '사회복지', '토목', '건축'];
    const rows: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const city = cities[i % cities.length];
      const depts = deptsOf.get(city)!;
      const dept = i % 7 === 0 ? '' : depts[Math.floor(i / cities.length) % depts.length];
      const name = `${surnames[i % surnames.length]}${given[Math.floor(i / 10) % given.length]}`;
      const hire = `20${String(10 + (i % 16)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      rows.push(`IMP${String(i).padStart(6, '0')},${name},,${city},${dept},${series[i % series.length]},${1 + (i % 9)},주무관,${hire}`);
    }
    const csv = csvOf(rows);
    const countStored = async () => Number((await t.sql<{ n: string }>(`select count(*)::text as n from servant where employee_number ~ '^IMP[0-9]{6}$'`))[0].n);
    expect(await countStored()).toBe(0);

    const first = await importCsv(csv, admin);
    expect(first).toMatchObject({ totalRows: 10_000, createdCount: 10_000, updatedCount: 0, unchangedCount: 0, rowErrors: [], userErrors: [] });
    expect(await countStored()).toBe(10_000);
    const spread = await t.sql<{ n: string }>(
      `select count(distinct organization_id)::text as n from servant where employee_number ~ '^IMP[0-9]{6}$'`,
    );
    expect(Number(spread[0].n)).toBe(31);

    const before = await snapshot();
    const second = await importCsv(csv, admin);
    expect(second).toMatchObject({ totalRows: 10_000, createdCount: 0, updatedCount: 0, unchangedCount: 10_000, rowErrors: [], userErrors: [] });
    expect(await snapshot()).toEqual(before);
  });
});
