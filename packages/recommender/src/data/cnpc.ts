import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { CourseFeatures, Interaction, ServantFeatures } from '../types.js';

/**
 * Loaders for the Canvas Network Person-Course data (see ../shared/data/README.md): the
 * preprocessed split of the published papers (JSON lines) and the raw de-identified CSV
 * (zipped). Both map the dataset's ids to the package's string ids.
 */

export const CNPC_FILES = {
  train: 'train_valid_data_cnpc_v2.json',
  test: 'test_data_cnpc_v2.json',
  courseInfo: 'cnpc_course_info_v3.json',
  rawZip: 'CNPC_1401-1509_DI_v1_1_2016-03-01.csv.zip',
} as const;

/** Parses JSON lines, skipping blank lines; reports the line number of a malformed one. */
export function parseJsonLines<T>(text: string): T[] {
  const out: T[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (e) {
      throw new Error(`JSON lines: line ${n + 1} is not valid JSON (${(e as Error).message})`);
    }
  });
  return out;
}

export const cnpcCourseId = (idx: number): string => `c${idx}`;
export const cnpcUserId = (idx: number): string => `u${idx}`;

/** The published split: courses, train and test interactions keyed by mapped ids. */
export interface CnpcSplit {
  courses: CourseFeatures[];
  servants: ServantFeatures[];
  /** Training interactions in file order; `at` encodes each user's sequence position. */
  train: Interaction[];
  /** Test items per servant id. */
  test: Map<string, Set<string>>;
  /** Course length in days, by course id (CNPC's only numeric side information). */
  courseLengthDays: Map<string, number>;
}

interface SplitRow {
  user: number;
  item: number;
}
interface CourseInfoRow {
  course_idx2: number;
  discipline: string;
  course_length: number;
}

/** Day zero for synthetic timestamps: only the order within a user matters in this split. */
const SEQ_EPOCH = Date.UTC(2014, 0, 1);
const DAY = 86_400_000;

/**
 * Builds the split from the three files' text. The files list each user's courses in order
 * with the test items being the last ~20 %, so the training position becomes `at` (one day
 * per step) and a sequence-aware model can use the order, as in the published papers.
 */
export function parseCnpcSplit(trainText: string, testText: string, courseInfoText: string): CnpcSplit {
  const info = parseJsonLines<CourseInfoRow>(courseInfoText);
  const courses: CourseFeatures[] = [];
  const courseLengthDays = new Map<string, number>();
  for (const row of info) {
    if (typeof row.course_idx2 !== 'number') throw new Error('course info: missing course_idx2');
    const id = cnpcCourseId(row.course_idx2);
    courses.push({ id, category: row.discipline });
    courseLengthDays.set(id, row.course_length);
  }
  const known = new Set(courses.map((c) => c.id));
  const position = new Map<number, number>();
  const train: Interaction[] = [];
  const users = new Set<number>();
  for (const row of parseJsonLines<SplitRow>(trainText)) {
    const courseId = cnpcCourseId(row.item);
    if (!known.has(courseId)) throw new Error(`train: item ${row.item} is not in the course info`);
    const p = position.get(row.user) ?? 0;
    position.set(row.user, p + 1);
    users.add(row.user);
    train.push({ servantId: cnpcUserId(row.user), courseId, kind: 'REGISTERED', at: SEQ_EPOCH + p * DAY });
  }
  const test = new Map<string, Set<string>>();
  for (const row of parseJsonLines<SplitRow>(testText)) {
    const courseId = cnpcCourseId(row.item);
    if (!known.has(courseId)) throw new Error(`test: item ${row.item} is not in the course info`);
    users.add(row.user);
    const id = cnpcUserId(row.user);
    const set = test.get(id) ?? new Set<string>();
    set.add(courseId);
    test.set(id, set);
  }
  const servants = [...users].sort((a, b) => a - b).map((u) => ({ id: cnpcUserId(u) }));
  return { courses, servants, train, test, courseLengthDays };
}

export async function loadCnpcSplit(dir: string): Promise<CnpcSplit> {
  const [train, test, info] = await Promise.all(
    [CNPC_FILES.train, CNPC_FILES.test, CNPC_FILES.courseInfo].map((f) => readFile(join(dir, f), 'utf8')),
  );
  return parseCnpcSplit(train, test, info);
}

/**
 * Carves a validation split from training interactions the way the published split was made:
 * per user, the last round(20 %) of the sequence (at least one) is held out. Users with fewer
 * than two interactions keep everything in training.
 */
export function holdOutLast(train: readonly Interaction[], fraction = 0.2): { train: Interaction[]; test: Map<string, Set<string>> } {
  const byUser = new Map<string, Interaction[]>();
  for (const it of train) {
    const list = byUser.get(it.servantId) ?? [];
    list.push(it);
    byUser.set(it.servantId, list);
  }
  const kept: Interaction[] = [];
  const test = new Map<string, Set<string>>();
  for (const [u, list] of byUser) {
    list.sort((a, b) => +a.at - +b.at);
    const k = list.length < 2 ? 0 : Math.max(1, Math.round(list.length * fraction));
    kept.push(...list.slice(0, list.length - k));
    if (k > 0) test.set(u, new Set(list.slice(list.length - k).map((i) => i.courseId)));
  }
  return { train: kept, test };
}

/** One row of the raw CNPC CSV, with the columns the recommender uses. */
export interface CnpcRawRow {
  courseId: string;
  discipline: string;
  userId: string;
  courseStart: string;
  courseEnd: string;
  /** First activity quarter; empty for learners who never showed up. */
  startTime: string;
  loe: string;
  age: string;
  primaryReason: string;
  learnerType: string;
  courseLengthDays: number;
}

const REQUIRED_COLUMNS = ['course_id_DI', 'discipline', 'userid_DI', 'course_start', 'course_end'] as const;

/** Parses the raw CSV (header row required). Attribute placeholders ('{}', 'Missing') become ''. */
export function parseCnpcRawCsv(input: string | Uint8Array): CnpcRawRow[] {
  const clean = (v: string | undefined) => {
    const s = (v ?? '').trim();
    return s === '{}' || s === 'Missing' ? '' : s;
  };
  let checked = false;
  return parse<CnpcRawRow, Record<string, string>>(input, {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
    on_record: (r) => {
      if (!checked) {
        for (const c of REQUIRED_COLUMNS) if (!(c in r)) throw new Error(`CNPC CSV: missing column ${c}`);
        checked = true;
      }
      return {
        courseId: r.course_id_DI,
        discipline: r.discipline,
        userId: r.userid_DI,
        courseStart: r.course_start,
        courseEnd: r.course_end,
        startTime: r.start_time_DI ?? '',
        loe: clean(r.LoE_DI),
        age: clean(r.age_DI),
        primaryReason: clean(r.primary_reason),
        learnerType: clean(r.learner_type),
        courseLengthDays: Number(r.course_length) || 0,
      };
    },
  });
}

/** Extracts the first CSV entry of a zip archive (skipping macOS resource forks). */
export function unzipCsv(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip, { filter: (f) => f.name.endsWith('.csv') && !f.name.startsWith('__MACOSX') });
  const name = Object.keys(files)[0];
  if (!name) throw new Error('zip archive holds no .csv file');
  return files[name];
}

export async function loadCnpcRaw(dir: string): Promise<CnpcRawRow[]> {
  const zip = await readFile(join(dir, CNPC_FILES.rawZip));
  return parseCnpcRawCsv(unzipCsv(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength)));
}

/** '2015 Q2' → the first instant of that quarter (UTC). */
export function quarterToMs(q: string): number {
  const m = /^(\d{4})\s*Q([1-4])$/.exec(q.trim());
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1);
}

/** When a registration happened: the learner's first-activity quarter if known, else the course start. */
export function activityMs(r: CnpcRawRow): number {
  const start = quarterToMs(r.courseStart);
  const active = r.startTime ? quarterToMs(r.startTime) : NaN;
  return Number.isNaN(active) ? start : Math.max(start, active);
}

/** A train/test split in time built from raw rows. */
export interface TemporalSplit {
  courses: CourseFeatures[];
  servants: ServantFeatures[];
  train: Interaction[];
  /** Test courses per servant (registrations at or after the cutoff). */
  test: Map<string, Set<string>>;
  /** Courses open at or after the cutoff: what a recommendation can offer then. */
  candidates: string[];
  /** Servants with / without training interactions, among those with test items. */
  warmUsers: string[];
  coldUsers: string[];
  /** Candidate courses without any training interaction. */
  coldCourses: Set<string>;
  cutoffMs: number;
}

/**
 * Temporal split: a registration happens in the learner's first-activity quarter when known
 * (start_time_DI), otherwise in the course's start quarter; train on registrations before
 * `cutoff`, test on the rest. Learner attributes (education, age, reason, learner type) are
 * profile data, known for test learners too, and become cohort attributes.
 */
export function buildTemporalSplit(rows: readonly CnpcRawRow[], cutoff: string): TemporalSplit {
  const cutoffMs = quarterToMs(cutoff);
  if (Number.isNaN(cutoffMs)) throw new Error(`bad cutoff quarter ${cutoff}`);
  const courses = new Map<string, CourseFeatures>();
  const courseEnd = new Map<string, number>();
  const attrs = new Map<string, Record<string, string>>();
  const train: Interaction[] = [];
  const test = new Map<string, Set<string>>();
  const trainUsers = new Set<string>();
  const trainCourses = new Set<string>();
  for (const r of rows) {
    if (!courses.has(r.courseId)) courses.set(r.courseId, { id: r.courseId, category: r.discipline, createdAt: quarterToMs(r.courseStart) });
    // The latest end seen wins, should rows of one course disagree.
    const end = quarterToMs(r.courseEnd || r.courseStart);
    if (!(end <= (courseEnd.get(r.courseId) ?? -Infinity))) courseEnd.set(r.courseId, end);
    const a = attrs.get(r.userId) ?? {};
    for (const [k, v] of [['loe', r.loe], ['age', r.age], ['reason', r.primaryReason], ['type', r.learnerType]] as const) if (v && !a[k]) a[k] = v;
    attrs.set(r.userId, a);
    const at = activityMs(r);
    if (at < cutoffMs) {
      train.push({ servantId: r.userId, courseId: r.courseId, kind: 'REGISTERED', at });
      trainUsers.add(r.userId);
      trainCourses.add(r.courseId);
    } else {
      const set = test.get(r.userId) ?? new Set<string>();
      set.add(r.courseId);
      test.set(r.userId, set);
    }
  }
  const candidates = [...courses.keys()].filter((id) => (courseEnd.get(id) as number) >= cutoffMs);
  const servants = [...attrs].map(([id, attributes]) => ({ id, attributes }));
  const warmUsers: string[] = [];
  const coldUsers: string[] = [];
  for (const u of test.keys()) (trainUsers.has(u) ? warmUsers : coldUsers).push(u);
  return {
    // Sorted by id: the CSV's row order correlates with course size, and a tie-breaking
    // baseline must not profit from it.
    courses: [...courses.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    servants,
    train,
    test,
    candidates,
    warmUsers,
    coldUsers,
    coldCourses: new Set(candidates.filter((c) => !trainCourses.has(c))),
    cutoffMs,
  };
}
