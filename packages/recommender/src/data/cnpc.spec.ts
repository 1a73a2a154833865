import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTemporalSplit, holdOutLast, parseCnpcRawCsv, parseCnpcSplit, parseJsonLines, quarterToMs, unzipCsv } from './cnpc.js';

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8');

describe('CNPC published split loader', () => {
  const split = parseCnpcSplit(fixture('train.jsonl'), fixture('test.jsonl'), fixture('course_info.jsonl'));

  it('maps course and user indices to ids and keeps disciplines as categories', () => {
    expect(split.courses.map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(split.courses[3].category).toBe('Computer Science');
    expect(split.courseLengthDays.get('c4')).toBe(49);
    expect(split.servants.map((s) => s.id)).toEqual(['u0', 'u1']);
  });

  it('keeps each user sequence order in `at` and skips blank lines', () => {
    const u1 = split.train.filter((i) => i.servantId === 'u1');
    expect(u1.map((i) => i.courseId)).toEqual(['c2', 'c0', 'c4']);
    expect(Number(u1[0].at)).toBeLessThan(Number(u1[2].at));
    expect([...(split.test.get('u1') ?? [])]).toEqual(['c1', 'c3']);
  });

  it('rejects an item missing from the course info and reports malformed lines', () => {
    expect(() => parseCnpcSplit('{"user":0,"item":9}', '', fixture('course_info.jsonl'))).toThrow(/item 9/);
    expect(() => parseJsonLines('{"a":1}\n{oops')).toThrow(/line 2/);
  });

  it('holds out the last 20 % (at least one) of each sequence for validation', () => {
    const v = holdOutLast(split.train);
    expect([...(v.test.get('u0') ?? [])]).toEqual(['c3']);
    expect(v.train.filter((i) => i.servantId === 'u0').map((i) => i.courseId)).toEqual(['c0', 'c1', 'c2']);
  });
});

describe('CNPC raw CSV loader', () => {
  const csv = fixture('cnpc_raw_sample.csv');

  it('unzips with fflate and parses with csv-parse, cleaning placeholders', () => {
    const zip = zipSync({ 'sample.csv': new TextEncoder().encode(csv), '__MACOSX/._sample.csv': new Uint8Array([0]) });
    const rows = parseCnpcRawCsv(unzipCsv(zip));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ courseId: '900', userId: '11', primaryReason: '', learnerType: '', age: '{19-34}', courseLengthDays: 48 });
    expect(rows[1].discipline).toBe('Business and Management');
    expect(rows[2].age).toBe('');
  });

  it('fails loudly on a file without the expected columns', () => {
    expect(() => parseCnpcRawCsv('a,b\n1,2\n')).toThrow(/missing column/);
  });

  it('splits in time by activity quarter and separates warm/cold users and courses', () => {
    const split = buildTemporalSplit(parseCnpcRawCsv(csv), '2015 Q2');
    expect(split.cutoffMs).toBe(quarterToMs('2015 Q2'));
    // user 12's row starts 2014 Q4 but was first active 2015 Q2 → test
    expect([...(split.test.get('12') ?? [])]).toEqual(['900']);
    expect(split.train.map((i) => `${i.servantId}:${i.courseId}`).sort()).toEqual(['11:900', '13:900']);
    expect(split.warmUsers.sort()).toEqual(['11', '13']);
    expect(split.coldUsers).toEqual(['12']);
    expect([...split.coldCourses].sort()).toEqual(['901', '902']);
    // course 900 ends 2015 Q2 → still open at the cutoff
    expect(split.candidates.sort()).toEqual(['900', '901', '902']);
    expect(split.servants.find((s) => s.id === '13')?.attributes).toMatchObject({ reason: 'I enjoy learning about topics that interest me', type: 'Active' });
  });
});
