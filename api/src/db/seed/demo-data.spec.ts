import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemoData, type DemoData, type DemoServant } from './demo-data.js';

const CITY_NAMES = [
  '수원시', '성남시', '의정부시', '안양시', '부천시', '광명시', '평택시', '동두천시', '안산시', '고양시', '과천시', '구리시',
  '남양주시', '오산시', '시흥시', '군포시', '의왕시', '하남시', '용인시', '파주시', '이천시', '안성시', '김포시', '화성시',
  '광주시', '양주시', '포천시', '여주시',
];
const COUNTY_NAMES = ['연천군', '가평군', '양평군'];
const CODES: Record<string, string> = {
  수원시: '41110', 성남시: '41130', 의정부시: '41150', 안양시: '41170', 부천시: '41190', 광명시: '41210', 평택시: '41220',
  동두천시: '41250', 안산시: '41270', 고양시: '41280', 과천시: '41290', 구리시: '41310', 남양주시: '41360', 오산시: '41370',
  시흥시: '41390', 군포시: '41410', 의왕시: '41430', 하남시: '41450', 용인시: '41460', 파주시: '41480', 이천시: '41500',
  안성시: '41550', 김포시: '41570', 화성시: '41590', 광주시: '41610', 양주시: '41630', 포천시: '41650', 여주시: '41670',
  연천군: '41800', 가평군: '41820', 양평군: '41830',
};
const CATEGORIES = ['디지털·AI', '정책·법령', '리더십·조직', '소통·민원', '재무·회계', '안전·재난', '건강·웰빙', '인문·교양', '외국어', '법정의무'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const data: DemoData = generateDemoData();
const orgByCode = new Map(data.organizations.map((o) => [o.code, o]));
const orgName = (code: string | null) => (code === null ? null : orgByCode.get(code)?.name);
const servant = (employeeNumber: string): DemoServant => {
  const s = data.servants.find((x) => x.employeeNumber === employeeNumber);
  if (!s) throw new Error(`no servant ${employeeNumber}`);
  return s;
};
const countBy = <T>(items: readonly T[], key: (item: T) => string | number) => {
  const m = new Map<string | number, number>();
  for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
  return m;
};

describe('generateDemoData — determinism', () => {
  it('yields deep-equal data for the same seed, and uses DEMO_SEED and 300 servants by default', () => {
    expect(generateDemoData(DEMO_SEED, 300)).toEqual(data);
    expect(generateDemoData(7, 120)).toEqual(generateDemoData(7, 120));
    expect(data.servants).toHaveLength(300);
  });

  it('yields different servants for a different seed, with the same personas', () => {
    const other = generateDemoData(DEMO_SEED + 1);
    expect(other.servants.slice(0, 4)).toEqual(data.servants.slice(0, 4));
    expect(other.servants.slice(4).map((s) => s.employeeNumber)).not.toEqual(data.servants.slice(4).map((s) => s.employeeNumber));
    expect(other.servants.slice(4).map((s) => s.name)).not.toEqual(data.servants.slice(4).map((s) => s.name));
  });

  it('keeps the personas and accounts for small servant counts', () => {
    const tiny = generateDemoData(DEMO_SEED, 2);
    expect(tiny.servants.map((s) => s.employeeNumber)).toEqual(['GG000001', 'GG000002', 'GG000003', 'GG000004']);
    expect(generateDemoData(DEMO_SEED, 12).servants).toHaveLength(12);
    expect(tiny.accounts).toHaveLength(data.accounts.length);
  });
});

describe('generateDemoData — organisations', () => {
  it('has a single root, 경기도 (41000)', () => {
    const roots = data.organizations.filter((o) => o.parentCode === null);
    expect(roots).toEqual([{ code: '41000', name: '경기도', kind: 'PROVINCE', parentCode: null }]);
  });

  it('has exactly the 31 cities and counties with their real names and codes, under 41000', () => {
    const local = data.organizations.filter((o) => o.kind === 'CITY' || o.kind === 'COUNTY');
    expect(local).toHaveLength(31);
    expect(local.filter((o) => o.kind === 'CITY').map((o) => o.name).sort()).toEqual([...CITY_NAMES].sort());
    expect(local.filter((o) => o.kind === 'COUNTY').map((o) => o.name).sort()).toEqual([...COUNTY_NAMES].sort());
    for (const o of local) {
      expect(o.code).toBe(CODES[o.name]);
      expect(o.parentCode).toBe('41000');
    }
  });

  it('has unique codes and every parent exists', () => {
    expect(orgByCode.size).toBe(data.organizations.length);
    for (const o of data.organizations) {
      if (o.parentCode !== null) expect(orgByCode.has(o.parentCode), o.code).toBe(true);
    }
  });

  it('puts departments and agencies directly under the province or a city/county', () => {
    const units = data.organizations.filter((o) => o.kind === 'DEPARTMENT' || o.kind === 'AGENCY');
    for (const u of units) {
      const parent = orgByCode.get(u.parentCode ?? '');
      expect(['PROVINCE', 'CITY', 'COUNTY']).toContain(parent?.kind);
      expect(u.code.startsWith(`${u.parentCode}-`)).toBe(true);
    }
    const hq = units.filter((u) => u.parentCode === '41000').map((u) => u.name);
    expect(hq).toEqual(expect.arrayContaining(['기획조정실', '복지국', '디지털정책과', '경기도인재개발원']));
    for (const code of Object.values(CODES)) {
      const n = units.filter((u) => u.parentCode === code).length;
      expect(n, code).toBeGreaterThanOrEqual(5);
      expect(n, code).toBeLessThanOrEqual(9);
    }
  });
});

describe('generateDemoData — servants', () => {
  it('spreads servants over the province and cities', () => {
    const byOrg = countBy(data.servants, (s) => s.organizationCode);
    expect(byOrg.get('41000') ?? 0).toBeGreaterThanOrEqual(40);
    expect(byOrg.get('41110') ?? 0).toBeGreaterThanOrEqual(25);
    expect(byOrg.get('41130') ?? 0).toBeGreaterThanOrEqual(25);
    expect(byOrg.size).toBe(32);
  });

  it('places every servant in an existing organisation and a department under it', () => {
    for (const s of data.servants) {
      expect(['PROVINCE', 'CITY', 'COUNTY'], s.employeeNumber).toContain(orgByCode.get(s.organizationCode)?.kind);
      if (s.departmentCode !== null) {
        const dept = orgByCode.get(s.departmentCode);
        expect(['DEPARTMENT', 'AGENCY'], s.employeeNumber).toContain(dept?.kind);
        expect(dept?.parentCode, s.employeeNumber).toBe(s.organizationCode);
      }
    }
  });

  it('has unique, well-formed employee numbers, emails and phones', () => {
    const numbers = data.servants.map((s) => s.employeeNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(data.servants.map((s) => s.email)).size).toBe(numbers.length);
    expect(new Set(data.servants.map((s) => s.phone)).size).toBe(numbers.length);
    for (const s of data.servants) {
      expect(s.employeeNumber).toMatch(/^GG\d{6}$/);
      expect(s.email).toBe(`${s.employeeNumber.toLowerCase()}@demo.kok.go.kr`);
      expect(s.phone).toMatch(/^010-\d{4}-\d{4}$/);
      expect(s.name).toMatch(/^[가-힣]{3}$/);
    }
  });

  it('has varied grades (3–9, mostly 6–8) and job series (행정 most common)', () => {
    const grades = countBy(data.servants, (s) => s.grade);
    expect(grades.size).toBeGreaterThanOrEqual(5);
    for (const g of grades.keys()) expect(g).toBeGreaterThanOrEqual(3);
    for (const g of grades.keys()) expect(g).toBeLessThanOrEqual(9);
    const mid = (grades.get(6) ?? 0) + (grades.get(7) ?? 0) + (grades.get(8) ?? 0);
    expect(mid).toBeGreaterThan(data.servants.length / 2);
    expect((grades.get(3) ?? 0) + (grades.get(4) ?? 0)).toBeLessThan(data.servants.length / 10);

    const series = countBy(data.servants, (s) => s.jobSeries);
    expect(series.size).toBeGreaterThanOrEqual(8);
    const top = [...series.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe('행정');
  });

  it('gives longer service to higher grades and hire dates within 1995–2025 (besides the new appointee)', () => {
    const meanHire = (pred: (s: DemoServant) => boolean) => {
      const xs = data.servants.filter(pred).map((s) => Date.parse(s.hireDate));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(meanHire((s) => s.grade <= 5)).toBeLessThan(meanHire((s) => s.grade === 6 || s.grade === 7));
    expect(meanHire((s) => s.grade === 6 || s.grade === 7)).toBeLessThan(meanHire((s) => s.grade >= 8));
    for (const s of data.servants) {
      expect(s.hireDate).toMatch(ISO_DATE);
      if (s.employeeNumber === 'GG000002') continue;
      expect(s.hireDate >= '1995-01-01' && s.hireDate <= '2025-12-31', `${s.employeeNumber} ${s.hireDate}`).toBe(true);
    }
  });

  it('has chronological work histories with exactly one current assignment matching the servant', () => {
    for (const s of data.servants) {
      const a = s.assignments;
      expect(a.length, s.employeeNumber).toBeGreaterThanOrEqual(1);
      expect(a.length, s.employeeNumber).toBeLessThanOrEqual(5);
      expect(a.filter((x) => x.endedOn === null), s.employeeNumber).toHaveLength(1);
      expect(a[0]?.startedOn).toBe(s.hireDate);
      a.forEach((x, i) => {
        expect(x.startedOn).toMatch(ISO_DATE);
        expect(x.duties.length).toBeGreaterThan(0);
        expect(orgByCode.has(x.organizationCode)).toBe(true);
        if (x.departmentCode !== null) expect(orgByCode.get(x.departmentCode)?.parentCode).toBe(x.organizationCode);
        const next = a[i + 1];
        if (next) {
          expect(x.endedOn).not.toBeNull();
          expect(x.endedOn! >= x.startedOn, s.employeeNumber).toBe(true);
          expect(x.endedOn! < next.startedOn, s.employeeNumber).toBe(true);
        }
      });
      const current = a[a.length - 1];
      expect(current?.endedOn).toBeNull();
      expect(current?.organizationCode).toBe(s.organizationCode);
      expect(current?.departmentCode).toBe(s.departmentCode);
      expect(current?.position).toBe(s.position);
      expect(current!.startedOn <= '2026-11-01').toBe(true);
    }
  });

  it('has plausible previous education', () => {
    for (const s of data.servants) {
      const e = s.educationRecords;
      expect(e.length).toBeLessThanOrEqual(6);
      expect(new Set(e.map((x) => x.title)).size).toBe(e.length);
      e.forEach((x, i) => {
        expect(CATEGORIES).toContain(x.category);
        expect(x.hours).toMatch(/^\d+(\.\d+)?$/);
        expect(Number(x.hours)).toBeGreaterThanOrEqual(1);
        expect(Number(x.hours)).toBeLessThanOrEqual(21);
        expect(x.completedOn >= '2022-11-01' && x.completedOn < '2026-11-01', x.completedOn).toBe(true);
        expect(x.completedOn >= s.hireDate).toBe(true);
        expect(['PLATFORM', 'EXTERNAL']).toContain(x.source);
        expect(x.provider.length).toBeGreaterThan(0);
        if (i > 0) expect(e[i - 1]!.completedOn <= x.completedOn).toBe(true);
      });
    }
  });

  it('keeps interests and hobbies only with consent (about 75% consent)', () => {
    for (const s of data.servants) {
      if (s.consentGivenAt === null) {
        expect(s.interests, s.employeeNumber).toEqual([]);
        expect(s.hobbies, s.employeeNumber).toEqual([]);
      } else {
        expect(new Date(s.consentGivenAt).toISOString()).toBe(s.consentGivenAt);
        expect(s.consentGivenAt < '2026-11-01').toBe(true);
      }
      expect(s.interests.length).toBeLessThanOrEqual(4);
      expect(s.hobbies.length).toBeLessThanOrEqual(3);
      expect(new Set(s.interests).size).toBe(s.interests.length);
      expect(new Set(s.hobbies).size).toBe(s.hobbies.length);
    }
    const rate = data.servants.filter((s) => s.consentGivenAt !== null).length / data.servants.length;
    expect(rate).toBeGreaterThan(0.6);
    expect(rate).toBeLessThan(0.9);
  });
});

describe('generateDemoData — personas', () => {
  it('puts the four personas first', () => {
    expect(data.servants.slice(0, 4).map((s) => [s.employeeNumber, s.name])).toEqual([
      ['GG000001', '김민준'],
      ['GG000002', '이서연'],
      ['GG000003', '박지훈'],
      ['GG000004', '최수아'],
    ]);
  });

  it('GG000001 김민준: 전산 7급, 수원시 정보통신과, consented interests', () => {
    const s = servant('GG000001');
    expect(s).toMatchObject({ jobSeries: '전산', grade: 7, organizationCode: '41110', email: 'gg000001@demo.kok.go.kr' });
    expect(orgName(s.departmentCode)).toBe('정보통신과');
    expect(s.interests).toEqual(['생성형 AI', '엑셀']);
    expect(s.hobbies).toEqual(['등산']);
    expect(s.consentGivenAt).not.toBeNull();
  });

  it('GG000002 이서연: 행정 8급 new appointee in 수원시', () => {
    const s = servant('GG000002');
    expect(s).toMatchObject({ jobSeries: '행정', grade: 8, organizationCode: '41110', hireDate: '2026-10-01' });
    expect(s.assignments).toHaveLength(1);
    expect(s.assignments[0]).toMatchObject({ startedOn: '2026-10-01', endedOn: null });
    expect(s.educationRecords).toEqual([]);
  });

  it('GG000003 박지훈: 세무 6급, 성남시 세정과', () => {
    const s = servant('GG000003');
    expect(s).toMatchObject({ jobSeries: '세무', grade: 6, organizationCode: '41130' });
    expect(orgName(s.departmentCode)).toBe('세정과');
  });

  it('GG000004 최수아: 사회복지 5급, 경기도 복지국, no consent', () => {
    const s = servant('GG000004');
    expect(s).toMatchObject({ jobSeries: '사회복지', grade: 5, organizationCode: '41000', consentGivenAt: null });
    expect(orgName(s.departmentCode)).toBe('복지국');
    expect(s.interests).toEqual([]);
    expect(s.hobbies).toEqual([]);
  });
});

describe('generateDemoData — accounts', () => {
  it('has the staff accounts and one servant account per persona', () => {
    const byEmail = new Map(data.accounts.map((a) => [a.email, a]));
    expect(byEmail.size).toBe(data.accounts.length);
    expect(byEmail.get('admin@demo.kok.go.kr')).toMatchObject({ role: 'INSTITUTE_ADMIN', organizationCode: '41000' });
    expect(byEmail.get('suwon.admin@demo.kok.go.kr')).toMatchObject({ role: 'ORG_ADMIN', organizationCode: '41110' });
    expect(byEmail.get('seongnam.admin@demo.kok.go.kr')).toMatchObject({ role: 'ORG_ADMIN', organizationCode: '41130' });
    expect(byEmail.get('reporter@demo.kok.go.kr')?.role).toBe('REPORTER');
    const servantAccounts = data.accounts.filter((a) => a.role === 'SERVANT');
    expect(servantAccounts.map((a) => a.servantEmployeeNumber)).toEqual(['GG000001', 'GG000002', 'GG000003', 'GG000004']);
    for (const a of servantAccounts) expect(a.email).toBe(servant(a.servantEmployeeNumber!).email);
  });

  it('refers only to existing organisations and servants', () => {
    for (const a of data.accounts) {
      if (a.organizationCode !== null) expect(orgByCode.has(a.organizationCode), a.email).toBe(true);
      if (a.servantEmployeeNumber !== null) {
        const s = servant(a.servantEmployeeNumber);
        expect(a.organizationCode).toBe(s.organizationCode);
      }
      if (a.role === 'ORG_ADMIN') expect(a.organizationCode).not.toBeNull();
      if (a.role === 'SERVANT') expect(a.servantEmployeeNumber).not.toBeNull();
    }
  });
});
