import { DomainError } from '../../common/errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { cleanText } from '../servant/servant.validation.js';

/** Limits of catalogue fields (also quoted in the GraphQL descriptions). */
export const COURSE_LIMITS = {
  titleMin: 2,
  titleMax: 100,
  descriptionMax: 2000,
  lengthMin: 60,
  lengthMax: 120,
  tagsMax: 10,
  tagLengthMax: 20,
  codeMax: 20,
  resourcesMax: 20,
  resourceTitleMax: 200,
  providerMax: 100,
  urlMax: 2000,
  categoryNameMax: 30,
  sortOrderMax: 9999,
} as const;

export const COURSE_CODE = /^[A-Z][A-Z0-9-]{1,19}$/;
export const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;

/**
 * Multi-line text (descriptions): NFC, spaces folded within lines, at most one blank line
 * between paragraphs, trimmed.
 */
export function cleanMultiline(v: string | null | undefined): string {
  return (v ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The form in which free-text search compares: NFC, lower case, no whitespace at all. */
export function searchKey(v: string | null | undefined): string {
  return cleanText(v).toLowerCase().replace(/\s+/g, '');
}

export interface CourseFields {
  /** Omitted, null or empty: generated on create, unchanged on update. */
  code?: string | null;
  title?: string | null;
  description?: string | null;
  tags?: string[] | null;
  lengthMinutes?: number | null;
}

export interface CleanCourseFields {
  code?: string;
  title?: string;
  description?: string;
  tags?: string[];
  lengthMinutes?: number;
}

type Problem = (code: string, key: MessageKey, name: string, params?: Record<string, unknown>, label?: string) => void;

function collector(path: string[], errors: DomainError[]): Problem {
  return (code, key, name, params = {}, label = name) => errors.push(DomainError.badInput(code, key, { field: label, ...params }, [...path, name]));
}

/** Checks a text's length in characters (code points, so a Hangul syllable counts once). */
function checkLength(bad: Problem, v: string, name: string, min: number, max: number, label = name): void {
  const n = [...v].length;
  if (n === 0 && min > 0) bad('REQUIRED', 'REQUIRED', name, {}, label);
  else if (n < min) bad('TOO_SHORT', 'CATALOG_TEXT_LENGTH', name, { min, max }, label);
  else if (n > max) bad('TOO_LONG', min > 1 ? 'CATALOG_TEXT_LENGTH' : 'TOO_LONG', name, { min, max }, label);
}

/** Tags: NFC, folded, de-duplicated, at most 10 of 1–20 characters. */
export function cleanTags(tags: string[]): { values: string[]; valid: boolean } {
  const values = [...new Set(tags.map((t) => cleanText(t)))];
  const valid = values.length <= COURSE_LIMITS.tagsMax && values.every((t) => t.length >= 1 && [...t].length <= COURSE_LIMITS.tagLengthMax);
  return { values, valid };
}

/**
 * Normalises and checks the course fields present in `input` (all required ones when
 * `required`); returns the cleaned values and every problem found, not just the first.
 */
export function validateCourseFields(input: CourseFields, required: boolean, path: string[] = ['input']): { values: CleanCourseFields; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const values: CleanCourseFields = {};
  const bad = collector(path, errors);
  const L = COURSE_LIMITS;

  const code = cleanText(input.code).toUpperCase();
  if (code) {
    if (!COURSE_CODE.test(code)) bad('INVALID_CODE', 'CATALOG_COURSE_CODE_FORMAT', 'code', {}, 'courseCode');
    values.code = code;
  }
  if (input.title != null || required) {
    const v = cleanText(input.title);
    checkLength(bad, v, 'title', L.titleMin, L.titleMax);
    values.title = v;
  }
  if (input.description != null) {
    const v = cleanMultiline(input.description);
    if ([...v].length > L.descriptionMax) bad('TOO_LONG', 'TOO_LONG', 'description', { max: L.descriptionMax });
    values.description = v;
  }
  if (input.tags != null) {
    const { values: tags, valid } = cleanTags(input.tags);
    if (!valid) bad('INVALID_TAG', 'CATALOG_TAGS_INVALID', 'tags', { max: L.tagsMax, maxLength: L.tagLengthMax });
    values.tags = tags;
  }
  if (input.lengthMinutes != null || required) {
    const v = input.lengthMinutes;
    if (v == null) bad('REQUIRED', 'REQUIRED', 'lengthMinutes');
    else if (!Number.isInteger(v) || v < L.lengthMin || v > L.lengthMax) bad('INVALID_LENGTH_MINUTES', 'CATALOG_LENGTH_RANGE', 'lengthMinutes', { min: L.lengthMin, max: L.lengthMax });
    else values.lengthMinutes = v;
  }
  return { values, errors };
}

/** A link a servant can open: an absolute http(s) URL with a host. */
export function isHttpUrl(v: string): boolean {
  if (v.length > COURSE_LIMITS.urlMax || /\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export interface ResourceFields {
  title: string;
  url: string;
  provider?: string | null;
}

/** Checks a learning resource's fields; every problem at once. */
export function validateResourceFields(input: ResourceFields, path: string[] = ['input']): { values: Required<ResourceFields> & { provider: string }; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const bad = collector(path, errors);
  const L = COURSE_LIMITS;
  const title = cleanText(input.title);
  checkLength(bad, title, 'title', 1, L.resourceTitleMax, 'resourceTitle');
  const url = (input.url ?? '').normalize('NFC').trim();
  if (!url) bad('REQUIRED', 'REQUIRED', 'url');
  else if (!isHttpUrl(url)) bad('INVALID_URL', 'CATALOG_URL_INVALID', 'url', { max: L.urlMax });
  const provider = cleanText(input.provider);
  if ([...provider].length > L.providerMax) bad('TOO_LONG', 'TOO_LONG', 'provider', { max: L.providerMax });
  return { values: { title, url, provider }, errors };
}

export interface CategoryFields {
  code?: string | null;
  name?: string | null;
  sortOrder?: number | null;
}

/** Checks category fields present in `input` (code and name when `required`). */
export function validateCategoryFields(input: CategoryFields, required: boolean, path: string[] = ['input']): { values: { code?: string; name?: string; sortOrder?: number }; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const bad = collector(path, errors);
  const values: { code?: string; name?: string; sortOrder?: number } = {};
  if (input.code != null || required) {
    const v = cleanText(input.code).toUpperCase();
    if (!v) bad('REQUIRED', 'REQUIRED', 'code', {}, 'categoryCode');
    else if (!CATEGORY_CODE.test(v)) bad('INVALID_CODE', 'CATALOG_CATEGORY_CODE_FORMAT', 'code', {}, 'categoryCode');
    values.code = v;
  }
  if (input.name != null || required) {
    const v = cleanText(input.name);
    checkLength(bad, v, 'name', 1, COURSE_LIMITS.categoryNameMax, 'categoryName');
    values.name = v;
  }
  if (input.sortOrder != null) {
    const v = input.sortOrder;
    if (!Number.isInteger(v) || v < 0 || v > COURSE_LIMITS.sortOrderMax) bad('INVALID_SORT_ORDER', 'CATALOG_SORT_ORDER_RANGE', 'sortOrder', { max: COURSE_LIMITS.sortOrderMax });
    else values.sortOrder = v;
  }
  return { values, errors };
}
