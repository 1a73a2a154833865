import { DomainError } from '../../common/errors.js';

/** Field rules shared by servantCreate, servantUpdate and the CSV import. */
export const EMPLOYEE_NUMBER = /^[A-Z0-9]{3,20}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;
const PHONE = /^[0-9+\-() ]{7,30}$/;
const JOB_SERIES = /^[\p{L}\p{N}·・ ]{1,20}$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** NFC, trimmed, inner whitespace folded: Korean text is compared in this form. */
export function cleanText(v: string | null | undefined): string {
  return (v ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function isValidDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export interface ServantFields {
  employeeNumber?: string;
  name?: string;
  email?: string | null;
  phone?: string | null;
  jobSeries?: string;
  grade?: number;
  position?: string | null;
  hireDate?: string | null;
}

/**
 * Normalises and checks the scalar fields present in `input`; returns the cleaned values and
 * every problem found (not just the first). `path` prefixes the error's `field`.
 */
export function validateServantFields(
  input: ServantFields,
  required: boolean,
  path: string[] = ['input'],
): { values: ServantFields; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const values: ServantFields = {};
  const f = (name: string) => [...path, name];
  const bad = (code: string, key: Parameters<typeof DomainError.badInput>[1], name: string, params: Record<string, unknown> = {}) =>
    errors.push(DomainError.badInput(code, key, { field: name, ...params }, f(name)));

  if (input.employeeNumber !== undefined || required) {
    const v = cleanText(input.employeeNumber).toUpperCase();
    if (!v) bad('REQUIRED', 'REQUIRED', 'employeeNumber');
    else if (!EMPLOYEE_NUMBER.test(v)) bad('INVALID_FORMAT', 'EMPLOYEE_NUMBER_FORMAT', 'employeeNumber');
    values.employeeNumber = v;
  }
  if (input.name !== undefined || required) {
    const v = cleanText(input.name);
    if (!v) bad('REQUIRED', 'REQUIRED', 'name');
    else if (v.length > 50) bad('TOO_LONG', 'TOO_LONG', 'name', { max: 50 });
    values.name = v;
  }
  if (input.email !== undefined) {
    const v = cleanText(input.email).toLowerCase() || null;
    if (v && (v.length > 254 || !EMAIL.test(v))) bad('INVALID_FORMAT', 'EMAIL_FORMAT', 'email');
    values.email = v;
  }
  if (input.phone !== undefined) {
    const v = cleanText(input.phone) || null;
    if (v && !PHONE.test(v)) bad('INVALID_FORMAT', 'TOO_LONG', 'phone', { max: 30 });
    values.phone = v;
  }
  if (input.jobSeries !== undefined || required) {
    const v = cleanText(input.jobSeries);
    if (!v) bad('REQUIRED', 'REQUIRED', 'jobSeries');
    else if (!JOB_SERIES.test(v)) bad('INVALID_FORMAT', 'JOB_SERIES_INVALID', 'jobSeries');
    values.jobSeries = v;
  }
  if (input.grade !== undefined || required) {
    const v = input.grade;
    if (v === undefined || v === null) bad('REQUIRED', 'REQUIRED', 'grade');
    else if (!Number.isInteger(v) || v < 1 || v > 9) bad('INVALID_GRADE', 'GRADE_RANGE', 'grade');
    values.grade = v;
  }
  if (input.position !== undefined) {
    const v = cleanText(input.position);
    if (v.length > 50) bad('TOO_LONG', 'TOO_LONG', 'position', { max: 50 });
    values.position = v;
  }
  if (input.hireDate !== undefined) {
    const v = cleanText(input.hireDate) || null;
    if (v && !isValidDate(v)) bad('INVALID_FORMAT', 'DATE_FORMAT', 'hireDate');
    values.hireDate = v;
  }
  return { values, errors };
}

/** Interests and hobbies: free tags, NFC, de-duplicated, bounded. */
export function validateTags(tags: string[], name: string, max = 20): { values: string[]; error: DomainError | null } {
  const values = [...new Set(tags.map((t) => cleanText(t)))];
  const invalid = values.length > max || values.some((t) => t.length < 1 || t.length > 30);
  return {
    values,
    error: invalid ? DomainError.badInput('INVALID_TAG', 'TAG_INVALID', { field: name, max }, ['input', name]) : null,
  };
}
