/**
 * Deterministic demo data for Kok: the Gyeonggi-do organisation tree, ~300 public servants with
 * work history, previous education and (consented) interests, and the demo login accounts.
 *
 * Pure: no database, no clock, no dev dependencies. A small seeded PRNG (mulberry32) drives every
 * choice and a fixed reference date (2026-11-01) replaces `new Date()`, so the same seed always
 * yields deep-equal data. The database insertion lives elsewhere and consumes `DemoData`.
 */
import {
  CITIES,
  CITY_CORE_UNITS,
  CITY_REQUIRED_UNITS,
  CITY_UNIT_POOL,
  DEPARTMENT_DUTIES,
  GENERAL_DEPARTMENTS,
  GIVEN_NAMES_OLDER,
  GIVEN_NAMES_YOUNGER,
  HOBBIES,
  INTERESTS,
  PROVINCE_CODE,
  PROVINCE_NAME,
  PROVINCE_UNITS,
  SERIES_DEPARTMENTS,
  SERIES_DUTIES,
  SERIES_INTERESTS,
  SERIES_NEEDING_OWN_UNIT,
  SERIES_WEIGHTS,
  SURNAMES,
  TRAININGS,
  type TrainingEntry,
} from './demo-vocabulary.js';

export type OrgKind = 'PROVINCE' | 'CITY' | 'COUNTY' | 'DEPARTMENT' | 'AGENCY';

export interface DemoOrganization {
  code: string;
  name: string;
  kind: OrgKind;
  parentCode: string | null;
}

export interface DemoAssignment {
  organizationCode: string;
  departmentCode: string | null;
  position: string;
  duties: string;
  /** YYYY-MM-DD */
  startedOn: string;
  endedOn: string | null;
}

export interface DemoEducationRecord {
  title: string;
  provider: string;
  /** decimal like "3" or "1.5" */
  hours: string;
  completedOn: string;
  category: string;
  source: 'PLATFORM' | 'EXTERNAL';
}

export interface DemoServant {
  employeeNumber: string;
  name: string;
  email: string;
  phone: string;
  /** PROVINCE/CITY/COUNTY level node */
  organizationCode: string;
  /** a DEPARTMENT/AGENCY under it */
  departmentCode: string | null;
  jobSeries: string;
  /** 1..9 */
  grade: number;
  position: string;
  hireDate: string;
  /** ordered oldest first; the last is current (endedOn null) */
  assignments: DemoAssignment[];
  educationRecords: DemoEducationRecord[];
  /** empty when no consent */
  interests: string[];
  /** empty when no consent */
  hobbies: string[];
  /** ISO timestamp, null = no consent for optional data */
  consentGivenAt: string | null;
}

export type DemoRole = 'INSTITUTE_ADMIN' | 'ORG_ADMIN' | 'REPORTER' | 'SERVANT';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: DemoRole;
  organizationCode: string | null;
  servantEmployeeNumber: string | null;
}

export interface DemoData {
  organizations: DemoOrganization[];
  servants: DemoServant[];
  accounts: DemoAccount[];
}

export const DEMO_SEED = 20261201;

/** "Today" for the demo: every date is computed relative to this, never from the clock. */
export const DEMO_REFERENCE_DATE = '2026-11-01';

export const DEMO_EMAIL_DOMAIN = 'demo.kok.go.kr';

const DEFAULT_SERVANT_COUNT = 300;

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    if (pairs.length === 0 || total <= 0) throw new Error('weighted pick from an empty list');
    let r = this.next() * total;
    for (const [item, w] of pairs) {
      r -= w;
      if (r < 0) return item;
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  }

  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) {
      const i = Math.floor(this.next() * copy.length);
      out.push(copy.splice(i, 1)[0] as T);
    }
    return out;
  }

  /** Up to n distinct items drawn with the given weights, without replacement. */
  weightedSample<T>(items: readonly T[], weightOf: (item: T) => number, n: number): T[] {
    const pool: [T, number][] = items.map((item) => [item, weightOf(item)]);
    const out: T[] = [];
    while (out.length < n) {
      const live = pool.filter(([, w]) => w > 0);
      if (live.length === 0) break;
      const chosen = this.weighted(live);
      out.push(chosen);
      const idx = pool.findIndex(([item]) => item === chosen);
      pool.splice(idx, 1);
    }
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }
}

/** Derive independent streams from one seed (so changing the servant count keeps the org tree). */
function streamSeed(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Dates (day numbers since the Unix epoch, all UTC; no clock)
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const REF_DAY = toDay(DEMO_REFERENCE_DATE);
const EARLIEST_HIRE = toDay('1995-01-01');
const LATEST_HIRE = toDay('2025-12-31');
/** Previous education is drawn from the four years before the reference date. */
const EDUCATION_FROM = toDay('2022-11-01');
/** Optional-data consent became possible with the platform. */
const CONSENT_FROM = toDay('2025-03-01');

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

interface Unit {
  code: string;
  name: string;
  kind: 'DEPARTMENT' | 'AGENCY';
}

interface Level {
  code: string;
  name: string;
  kind: 'PROVINCE' | 'CITY' | 'COUNTY';
  units: Unit[];
}

/**
 * Codes follow the unit's place in the full catalogue (departments `-Dnn`, agencies `-Ann`), not
 * its place among the chosen ones, so a given name has the same code under every seed
 * (수원시 정보통신과 is always 41110-D04); numbering may therefore have gaps.
 */
function unitsWithCodes(
  parentCode: string,
  catalogue: readonly { name: string; kind: 'DEPARTMENT' | 'AGENCY' }[],
  chosen: ReadonlySet<string> | null,
): Unit[] {
  let d = 0;
  let a = 0;
  const out: Unit[] = [];
  for (const e of catalogue) {
    const n = e.kind === 'AGENCY' ? ++a : ++d;
    if (chosen && !chosen.has(e.name)) continue;
    const code = `${parentCode}-${e.kind === 'AGENCY' ? 'A' : 'D'}${String(n).padStart(2, '0')}`;
    out.push({ code, name: e.name, kind: e.kind });
  }
  return out;
}

function buildLevels(rng: Rng): Level[] {
  const province: Level = {
    code: PROVINCE_CODE,
    name: PROVINCE_NAME,
    kind: 'PROVINCE',
    units: unitsWithCodes(PROVINCE_CODE, PROVINCE_UNITS, null),
  };
  const cities = CITIES.map((city): Level => {
    const required = new Set([...CITY_CORE_UNITS, ...(CITY_REQUIRED_UNITS[city.code] ?? [])]);
    const total = Math.max(required.size, rng.int(5, 9));
    const extra = rng.weightedSample(
      CITY_UNIT_POOL.filter((u) => !required.has(u.name)),
      (u) => u.weight,
      total - required.size,
    );
    const chosen = new Set([...required, ...extra.map((u) => u.name)]);
    // Keep the pool's display order (기획예산과, 총무과, 세정과 …).
    return { code: city.code, name: city.name, kind: city.kind, units: unitsWithCodes(city.code, CITY_UNIT_POOL, chosen) };
  });
  return [province, ...cities];
}

function flattenOrganizations(levels: readonly Level[]): DemoOrganization[] {
  const out: DemoOrganization[] = [];
  for (const level of levels) {
    out.push({ code: level.code, name: level.name, kind: level.kind, parentCode: level.kind === 'PROVINCE' ? null : PROVINCE_CODE });
  }
  for (const level of levels) {
    for (const u of level.units) out.push({ code: u.code, name: u.name, kind: u.kind, parentCode: level.code });
  }
  return out;
}

function unitByName(level: Level, name: string): Unit {
  const unit = level.units.find((u) => u.name === name);
  if (!unit) throw new Error(`demo data: ${level.name} has no ${name}`);
  return unit;
}

function levelByCode(levels: readonly Level[], code: string): Level {
  const level = levels.find((l) => l.code === code);
  if (!level) throw new Error(`demo data: no organisation ${code}`);
  return level;
}

/** Units of `level` where a servant of `series` plausibly works (never empty). */
function unitsForSeries(level: Level, series: string): { units: Unit[]; matched: boolean } {
  const names = SERIES_DEPARTMENTS[series] ?? [];
  const matching = level.units.filter((u) => names.includes(u.name));
  if (matching.length > 0) return { units: matching, matched: true };
  const general = level.units.filter((u) => GENERAL_DEPARTMENTS.includes(u.name));
  return { units: general.length > 0 ? general : level.units, matched: false };
}

// ---------------------------------------------------------------------------------------------
// Positions and duties
// ---------------------------------------------------------------------------------------------

const HEAD_POSITIONS = new Set(['실장', '국장', '과장', '원장', '본부장', '소장', '관장']);

function agencyHeadTitle(name: string): string {
  if (name.endsWith('도서관') || name === '경기도서관') return '관장';
  if (name.endsWith('원')) return '원장';
  if (name.endsWith('본부')) return '본부장';
  return '소장';
}

/** Position title for a grade in a unit, following province vs. city/county conventions. */
function positionFor(rng: Rng, levelKind: Level['kind'], unit: Unit, grade: number): string {
  if (levelKind === 'PROVINCE') {
    if (grade <= 3) {
      if (unit.kind === 'AGENCY') return agencyHeadTitle(unit.name);
      if (unit.name.endsWith('실')) return '실장';
      if (unit.name.endsWith('국')) return '국장';
      return '과장';
    }
    if (grade === 4) return '과장';
    if (grade === 5) return '팀장';
    return '주무관';
  }
  if (grade <= 4) return unit.kind === 'AGENCY' ? agencyHeadTitle(unit.name) : '국장';
  if (grade === 5) return unit.kind === 'AGENCY' ? agencyHeadTitle(unit.name) : '과장';
  if (grade === 6) return rng.chance(0.45) ? '팀장' : '주무관';
  return '주무관';
}

function dutiesFor(rng: Rng, series: string, unit: Unit, position: string): string {
  if (HEAD_POSITIONS.has(position)) return `${unit.name} 업무 총괄 및 소속 직원 관리`;
  const byDepartment = series === '행정' ? DEPARTMENT_DUTIES[unit.name] : undefined;
  const base = rng.pick(byDepartment ?? SERIES_DUTIES[series] ?? SERIES_DUTIES['행정'] ?? ['일반 행정 업무']);
  return position === '팀장' ? `${base} 등 팀 업무 총괄` : base;
}

// ---------------------------------------------------------------------------------------------
// Servants
// ---------------------------------------------------------------------------------------------

/** Grades 3–9, weighted toward 6–8 (very few 3–4). */
const GRADE_WEIGHTS: readonly (readonly [number, number])[] = [
  [3, 1],
  [4, 2],
  [5, 8],
  [6, 22],
  [7, 28],
  [8, 24],
  [9, 14],
];

/** Plausible years of service per grade (higher grade ⇒ longer service). */
const SERVICE_YEARS: Readonly<Record<number, readonly [number, number]>> = {
  3: [25, 32],
  4: [20, 31],
  5: [14, 28],
  6: [7, 24],
  7: [1, 16],
  8: [1, 8],
  9: [0, 4],
};

const EDUCATION_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 3], [4, 3], [5, 2], [6, 2],
];
const INTEREST_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [[0, 1], [1, 3], [2, 4], [3, 3], [4, 2]];
const HOBBY_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [[0, 2], [1, 4], [2, 3], [3, 1]];
const CONSENT_RATE = 0.75;

interface Registry {
  employeeNumbers: Set<string>;
  phones: Set<string>;
  /** Units that already have a head (과장, 국장 …), to spread heads over units. */
  headedUnits: Set<string>;
}

function uniqueEmployeeNumber(rng: Rng, reg: Registry, hireYear: number): string {
  const yy = String(hireYear % 100).padStart(2, '0');
  for (;;) {
    const n = `GG${yy}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    if (!reg.employeeNumbers.has(n)) {
      reg.employeeNumbers.add(n);
      return n;
    }
  }
}

function uniquePhone(rng: Rng, reg: Registry): string {
  for (;;) {
    const p = `010-${rng.int(2000, 9999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
    if (!reg.phones.has(p)) {
      reg.phones.add(p);
      return p;
    }
  }
}

function emailFor(employeeNumber: string): string {
  return `${employeeNumber.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`;
}

function koreanName(rng: Rng, birthYear: number): string {
  const surname = rng.weighted(SURNAMES);
  const given = rng.pick(birthYear < 1986 ? GIVEN_NAMES_OLDER : GIVEN_NAMES_YOUNGER);
  return surname + given;
}

/** Organisation codes for the generated (non-persona) servants, before shuffling. */
function distributeOrganizations(rng: Rng, total: number): string[] {
  const PERSONAS_IN: Record<string, number> = { [PROVINCE_CODE]: 1, '41110': 2, '41130': 1 };
  const targets: Record<string, number> = {
    [PROVINCE_CODE]: Math.max(PERSONAS_IN[PROVINCE_CODE] ?? 0, Math.round(total * 0.15)),
    '41110': Math.max(PERSONAS_IN['41110'] ?? 0, Math.round(total * 0.09)),
    '41130': Math.max(PERSONAS_IN['41130'] ?? 0, Math.round(total * 0.085)),
  };
  const codes: string[] = [];
  for (const [code, target] of Object.entries(targets)) {
    for (let i = (PERSONAS_IN[code] ?? 0); i < target && codes.length < total - PERSONA_COUNT; i++) codes.push(code);
  }
  const others = CITIES.filter((c) => !(c.code in targets));
  const remaining = () => total - PERSONA_COUNT - codes.length;
  if (remaining() >= others.length) for (const c of others) codes.push(c.code);
  const weighted = others.map((c) => [c.code, c.weight] as const);
  while (remaining() > 0) codes.push(rng.weighted(weighted));
  return codes;
}

/** Dates when a servant moved to a new post: hire date first, then regular January/July reshuffles. */
function assignmentStarts(rng: Rng, hireDay: number): number[] {
  const years = (REF_DAY - hireDay) / 365.25;
  const maxCount = Math.min(5, 1 + Math.floor(years / 4));
  const count = rng.int(Math.max(1, maxCount - 2), maxCount);
  const starts = [hireDay];
  const span = REF_DAY - hireDay;
  for (let i = 1; i < count; i++) {
    const target = hireDay + Math.round((span * (i + (rng.next() - 0.5) * 0.6)) / count);
    const y = yearOf(target);
    const candidates = [toDay(`${y}-01-01`), toDay(`${y}-07-01`), toDay(`${y + 1}-01-01`)];
    const snapped = candidates.reduce((best, c) => (Math.abs(c - target) < Math.abs(best - target) ? c : best));
    const prev = starts[starts.length - 1] as number;
    if (snapped > prev + 180 && snapped < REF_DAY - 60) starts.push(snapped);
  }
  return starts;
}

function educationFor(rng: Rng, series: string, grade: number, hireDay: number): DemoEducationRecord[] {
  const from = Math.max(EDUCATION_FROM, hireDay + 14);
  const to = REF_DAY - 1;
  if (to - from < 30) return [];
  const eligible = TRAININGS.filter(
    (t: TrainingEntry) => (!t.series || t.series.includes(series)) && (t.maxGrade === undefined || grade <= t.maxGrade),
  );
  const count = rng.weighted(EDUCATION_COUNT_WEIGHTS);
  return rng
    .weightedSample(eligible, (t) => t.weight, count)
    .map((t): DemoEducationRecord => {
      const completedOn = fromDay(rng.int(from, to));
      const provider = rng.pick(t.providers);
      return {
        title: t.title,
        provider,
        hours: rng.pick(t.hours),
        completedOn,
        category: t.category,
        source: provider === '경기도인재개발원' && completedOn >= '2025-01-01' ? 'PLATFORM' : 'EXTERNAL',
      };
    })
    .sort((a, b) => (a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0));
}

function consentTimestamp(rng: Rng, hireDay: number): string {
  const day = rng.int(Math.max(CONSENT_FROM, hireDay + 1), REF_DAY - 1);
  // Office hours in Korea (09:00–18:00 KST = 00:00–09:00 UTC).
  const ms = day * DAY_MS + rng.int(0, 8) * 3_600_000 + rng.int(0, 59) * 60_000;
  return new Date(ms).toISOString();
}

function generateServant(rng: Rng, levels: readonly Level[], reg: Registry, orgCode: string): DemoServant {
  const level = levelByCode(levels, orgCode);

  // Series: weighted, but favour series this organisation has a department for (and never put a
  // librarian, health or agriculture officer where there is no library, 보건소 or 농업기술센터).
  const series = rng.weighted(
    SERIES_WEIGHTS.map(([s, w]) => {
      if (unitsForSeries(level, s).matched) return [s, w] as const;
      return [s, SERIES_NEEDING_OWN_UNIT.includes(s) ? 0 : w * 0.25] as const;
    }),
  );
  // The province's headquarters has proportionally more senior (3–4급) posts than a city.
  let grade = rng.weighted(
    level.kind === 'PROVINCE' ? GRADE_WEIGHTS.map(([g, w]) => [g, g <= 4 ? w * 3 : w] as const) : GRADE_WEIGHTS,
  );
  if (grade === 3 && level.kind !== 'PROVINCE') grade = 4; // 3급 posts are at the province

  const [minYears, maxYears] = SERVICE_YEARS[grade] ?? [0, 30];
  const hireFrom = Math.max(EARLIEST_HIRE, REF_DAY - Math.round((maxYears + 1) * 365.25));
  const hireTo = Math.min(LATEST_HIRE, REF_DAY - Math.round(minYears * 365.25));
  const hireDay = rng.int(hireFrom, Math.max(hireFrom, hireTo));
  const hireYear = yearOf(hireDay);

  // Current post; heads (과장, 국장 …) prefer a unit without one.
  let { units } = unitsForSeries(level, series);
  const isHeadGrade = level.kind === 'PROVINCE' ? grade <= 4 : grade <= 5;
  if (isHeadGrade) {
    // A head belongs to a unit of their series if one is free, else to any free unit (국장 and
    // 과장 posts are open to every series); only when all are taken do two heads share a unit.
    const free = units.filter((u) => !reg.headedUnits.has(u.code));
    const anyFree = level.units.filter((u) => !reg.headedUnits.has(u.code));
    if (free.length > 0) units = free;
    else if (anyFree.length > 0) units = anyFree;
  }
  const unit = rng.pick(units);
  const position = positionFor(rng, level.kind, unit, grade);
  if (HEAD_POSITIONS.has(position)) reg.headedUnits.add(unit.code);

  // Work history: earlier posts at lower grades, mostly in the same organisation.
  const starts = assignmentStarts(rng, hireDay);
  const entryGrade = grade >= 7 ? rng.pick([grade, 9, 9]) : rng.chance(0.25) ? 7 : 9;
  const assignments: DemoAssignment[] = starts.map((startDay, i): DemoAssignment => {
    const last = i === starts.length - 1;
    const endedOn = last ? null : fromDay((starts[i + 1] as number) - 1);
    if (last) {
      return {
        organizationCode: level.code,
        departmentCode: unit.code,
        position,
        duties: dutiesFor(rng, series, unit, position),
        startedOn: fromDay(startDay),
        endedOn,
      };
    }
    const gradeThen = Math.round(entryGrade - ((entryGrade - grade) * i) / (starts.length - 1));
    let past = level;
    const r = rng.next();
    if (level.kind === 'PROVINCE') {
      if (r < 0.4) past = levelByCode(levels, rng.pick(CITIES).code);
    } else if (r < 0.15) {
      past = levelByCode(levels, PROVINCE_CODE);
    } else if (r < 0.3) {
      past = levelByCode(levels, rng.pick(CITIES).code);
    }
    const pastUnit = rng.pick(unitsForSeries(past, series).units);
    const pastPosition = positionFor(rng, past.kind, pastUnit, gradeThen);
    return {
      organizationCode: past.code,
      departmentCode: pastUnit.code,
      position: pastPosition,
      duties: dutiesFor(rng, series, pastUnit, pastPosition),
      startedOn: fromDay(startDay),
      endedOn,
    };
  });

  const educationRecords = educationFor(rng, series, grade, hireDay);

  const consent = rng.chance(CONSENT_RATE);
  let interests: string[] = [];
  let hobbies: string[] = [];
  let consentGivenAt: string | null = null;
  if (consent) {
    consentGivenAt = consentTimestamp(rng, hireDay);
    const wanted = rng.weighted(INTEREST_COUNT_WEIGHTS);
    const related = SERIES_INTERESTS[series] ?? [];
    if (wanted > 0 && related.length > 0 && rng.chance(0.6)) interests.push(rng.pick(related));
    interests.push(...rng.sample(INTERESTS.filter((x) => !interests.includes(x)), wanted - interests.length));
    hobbies = rng.sample(HOBBIES, rng.weighted(HOBBY_COUNT_WEIGHTS));
  }

  const employeeNumber = uniqueEmployeeNumber(rng, reg, hireYear);
  return {
    employeeNumber,
    name: koreanName(rng, hireYear - rng.int(24, 32)),
    email: emailFor(employeeNumber),
    phone: uniquePhone(rng, reg),
    organizationCode: level.code,
    departmentCode: unit.code,
    jobSeries: series,
    grade,
    position,
    hireDate: fromDay(hireDay),
    assignments,
    educationRecords,
    interests,
    hobbies,
    consentGivenAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Fixed personas (stable across seeds, so tests and demos can rely on them)
// ---------------------------------------------------------------------------------------------

const PERSONA_COUNT = 4;

function personaServants(levels: readonly Level[], reg: Registry): DemoServant[] {
  const province = levelByCode(levels, PROVINCE_CODE);
  const suwon = levelByCode(levels, '41110');
  const seongnam = levelByCode(levels, '41130');
  const d = (level: Level, name: string) => unitByName(level, name).code;

  const base = (employeeNumber: string, phone: string) => {
    reg.employeeNumbers.add(employeeNumber);
    reg.phones.add(phone);
    return { employeeNumber, email: emailFor(employeeNumber), phone };
  };
  const edu = (
    title: string,
    provider: string,
    hours: string,
    completedOn: string,
    category: string,
  ): DemoEducationRecord => ({
    title,
    provider,
    hours,
    completedOn,
    category,
    source: provider === '경기도인재개발원' && completedOn >= '2025-01-01' ? 'PLATFORM' : 'EXTERNAL',
  });

  const minjun: DemoServant = {
    ...base('GG000001', '010-1000-0001'),
    name: '김민준',
    organizationCode: suwon.code,
    departmentCode: d(suwon, '정보통신과'),
    jobSeries: '전산',
    grade: 7,
    position: '주무관',
    hireDate: '2019-03-04',
    assignments: [
      { organizationCode: suwon.code, departmentCode: d(suwon, '총무과'), position: '주무관', duties: '전산장비 관리 및 내부 행정망 운영', startedOn: '2019-03-04', endedOn: '2021-06-30' },
      { organizationCode: province.code, departmentCode: d(province, '디지털정책과'), position: '주무관', duties: '공공데이터 개방 및 데이터 분석 지원', startedOn: '2021-07-01', endedOn: '2023-12-31' },
      { organizationCode: suwon.code, departmentCode: d(suwon, '정보통신과'), position: '주무관', duties: '행정정보시스템 운영 및 유지보수, 정보보안 점검', startedOn: '2024-01-01', endedOn: null },
    ],
    educationRecords: [
      edu('개인정보보호 실무', '나라배움터', '2', '2024-03-12', '법정의무'),
      edu('엑셀 데이터 분석 기초', '경기도인재개발원', '7', '2024-09-05', '디지털·AI'),
      edu('4대 폭력예방 교육', '나라배움터', '4', '2025-04-18', '법정의무'),
      edu('정보시스템 보안 실무', '지방자치인재개발원', '14', '2025-10-22', '디지털·AI'),
    ],
    interests: ['생성형 AI', '엑셀'],
    hobbies: ['등산'],
    consentGivenAt: '2025-03-10T00:30:00.000Z',
  };

  const seoyeon: DemoServant = {
    ...base('GG000002', '010-1000-0002'),
    name: '이서연',
    organizationCode: suwon.code,
    departmentCode: d(suwon, '민원여권과'),
    jobSeries: '행정',
    grade: 8,
    position: '주무관',
    hireDate: '2026-10-01',
    assignments: [
      { organizationCode: suwon.code, departmentCode: d(suwon, '민원여권과'), position: '주무관', duties: '여권 발급 및 민원 접수 처리', startedOn: '2026-10-01', endedOn: null },
    ],
    educationRecords: [],
    interests: ['민원 응대', '글쓰기'],
    hobbies: ['요가', '독서'],
    consentGivenAt: '2026-10-02T01:00:00.000Z',
  };

  const jihun: DemoServant = {
    ...base('GG000003', '010-1000-0003'),
    name: '박지훈',
    organizationCode: seongnam.code,
    departmentCode: d(seongnam, '세정과'),
    jobSeries: '세무',
    grade: 6,
    position: '팀장',
    hireDate: '2011-07-01',
    assignments: [
      { organizationCode: seongnam.code, departmentCode: d(seongnam, '세정과'), position: '주무관', duties: '재산세·자동차세 정기분 부과', startedOn: '2011-07-01', endedOn: '2016-12-31' },
      { organizationCode: province.code, departmentCode: d(province, '세정과'), position: '주무관', duties: '지방세 세무조사 및 과세자료 분석', startedOn: '2017-01-01', endedOn: '2020-12-31' },
      { organizationCode: seongnam.code, departmentCode: d(seongnam, '세정과'), position: '주무관', duties: '체납액 징수 및 체납자 재산 압류', startedOn: '2021-01-01', endedOn: '2023-06-30' },
      { organizationCode: seongnam.code, departmentCode: d(seongnam, '세정과'), position: '팀장', duties: '지방세 부과 및 체납 관리 등 팀 업무 총괄', startedOn: '2023-07-01', endedOn: null },
    ],
    educationRecords: [
      edu('지방세 실무 심화', '지방자치인재개발원', '21', '2023-05-19', '정책·법령'),
      edu('신임 팀장 리더십', '경기도인재개발원', '14', '2023-09-14', '리더십·조직'),
      edu('청렴·부패방지 교육', '나라배움터', '2', '2025-06-11', '법정의무'),
      edu('생성형 AI 업무 활용', '경기도인재개발원', '3', '2025-11-20', '디지털·AI'),
      edu('공무원 연금과 생애 재무설계', '경기도인재개발원', '2', '2026-05-13', '인문·교양'),
    ],
    interests: ['세법', '재테크', '데이터 분석'],
    hobbies: ['바둑', '러닝'],
    consentGivenAt: '2025-05-02T05:10:00.000Z',
  };

  const sua: DemoServant = {
    ...base('GG000004', '010-1000-0004'),
    name: '최수아',
    organizationCode: province.code,
    departmentCode: d(province, '복지국'),
    jobSeries: '사회복지',
    grade: 5,
    position: '팀장',
    hireDate: '2002-03-04',
    assignments: [
      { organizationCode: suwon.code, departmentCode: d(suwon, '사회복지과'), position: '주무관', duties: '기초생활보장 수급자 선정 및 급여 관리', startedOn: '2002-03-04', endedOn: '2008-12-31' },
      { organizationCode: province.code, departmentCode: d(province, '여성가족국'), position: '주무관', duties: '아동 보육 및 가족 지원 사업 운영', startedOn: '2009-01-01', endedOn: '2014-06-30' },
      { organizationCode: province.code, departmentCode: d(province, '복지국'), position: '주무관', duties: '복지 사각지대 발굴 및 통합사례관리', startedOn: '2014-07-01', endedOn: '2021-12-31' },
      { organizationCode: province.code, departmentCode: d(province, '복지국'), position: '팀장', duties: '노인·장애인 복지서비스 지원 등 팀 업무 총괄', startedOn: '2022-01-01', endedOn: null },
    ],
    educationRecords: [
      edu('사회보장급여 실무', '지방자치인재개발원', '14', '2023-04-20', '정책·법령'),
      edu('갈등관리와 협상', '경기도인재개발원', '7', '2024-06-12', '리더십·조직'),
      edu('4대 폭력예방 교육', '나라배움터', '4', '2025-03-28', '법정의무'),
      edu('청렴·부패방지 교육', '나라배움터', '2', '2026-02-17', '법정의무'),
    ],
    interests: [],
    hobbies: [],
    consentGivenAt: null,
  };

  return [minjun, seoyeon, jihun, sua];
}

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

function buildAccounts(personas: readonly DemoServant[]): DemoAccount[] {
  const staff: DemoAccount[] = [
    { email: `admin@${DEMO_EMAIL_DOMAIN}`, displayName: '경기도인재개발원 관리자', role: 'INSTITUTE_ADMIN', organizationCode: PROVINCE_CODE, servantEmployeeNumber: null },
    { email: `suwon.admin@${DEMO_EMAIL_DOMAIN}`, displayName: '수원시 교육담당 관리자', role: 'ORG_ADMIN', organizationCode: '41110', servantEmployeeNumber: null },
    { email: `seongnam.admin@${DEMO_EMAIL_DOMAIN}`, displayName: '성남시 교육담당 관리자', role: 'ORG_ADMIN', organizationCode: '41130', servantEmployeeNumber: null },
    { email: `reporter@${DEMO_EMAIL_DOMAIN}`, displayName: '교육 통계 리포터', role: 'REPORTER', organizationCode: null, servantEmployeeNumber: null },
  ];
  const servants = personas.map((s): DemoAccount => ({
    email: s.email,
    displayName: s.name,
    role: 'SERVANT',
    organizationCode: s.organizationCode,
    servantEmployeeNumber: s.employeeNumber,
  }));
  return [...staff, ...servants];
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Generates the demo data set. Same seed ⇒ deep-equal output. `servantCount` includes the four
 * fixed personas (GG000001–GG000004), which always come first; it is raised to 4 if lower.
 */
export function generateDemoData(seed: number = DEMO_SEED, servantCount: number = DEFAULT_SERVANT_COUNT): DemoData {
  const total = Math.max(PERSONA_COUNT, Math.floor(servantCount));
  const levels = buildLevels(new Rng(streamSeed(seed, 1)));
  const organizations = flattenOrganizations(levels);

  const reg: Registry = { employeeNumbers: new Set(), phones: new Set(), headedUnits: new Set() };
  const personas = personaServants(levels, reg);
  for (const p of personas) {
    if (p.departmentCode && HEAD_POSITIONS.has(p.position)) reg.headedUnits.add(p.departmentCode);
  }

  const rng = new Rng(streamSeed(seed, 2));
  const orgCodes = rng.shuffle(distributeOrganizations(rng, total));
  const generated = orgCodes.map((code) => generateServant(rng, levels, reg, code));

  const servants = [...personas, ...generated];
  return { organizations, servants, accounts: buildAccounts(personas) };
}
