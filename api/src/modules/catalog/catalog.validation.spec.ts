import { describe, expect, it } from 'vitest';
import { cleanMultiline, isHttpUrl, searchKey, validateCategoryFields, validateCourseFields, validateResourceFields } from './catalog.validation.js';

const codes = (r: { errors: { code: string; field: string[] | null }[] }) => r.errors.map((e) => [e.code, e.field?.join('.')]);

describe('validateCourseFields', () => {
  it('cleans a valid course', () => {
    const r = validateCourseFields(
      { code: ' c-0900 ', title: '  생성형  AI\u00a0활용 ', description: '첫 줄   \r\n\r\n\r\n\r\n  둘째 줄 ', tags: [' AI ', 'AI', '엑셀'], lengthMinutes: 90 },
      true,
    );
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ code: 'C-0900', title: '생성형 AI 활용', description: '첫 줄\n\n둘째 줄', tags: ['AI', '엑셀'], lengthMinutes: 90 });
  });

  it('reports every problem at once, with fields', () => {
    const r = validateCourseFields({ code: '0-bad', title: '가', description: 'x'.repeat(2001), tags: Array.from({ length: 11 }, (_, i) => `t${i}`), lengthMinutes: 59 }, true);
    expect(codes(r)).toEqual([
      ['INVALID_CODE', 'input.code'],
      ['TOO_SHORT', 'input.title'],
      ['TOO_LONG', 'input.description'],
      ['INVALID_TAG', 'input.tags'],
      ['INVALID_LENGTH_MINUTES', 'input.lengthMinutes'],
    ]);
  });

  it('checks the bounds exactly', () => {
    expect(validateCourseFields({ title: '가나', lengthMinutes: 60 }, true).errors).toEqual([]);
    expect(validateCourseFields({ title: '가'.repeat(100), lengthMinutes: 120 }, true).errors).toEqual([]);
    expect(codes(validateCourseFields({ title: '가'.repeat(101), lengthMinutes: 121 }, true))).toEqual([
      ['TOO_LONG', 'input.title'],
      ['INVALID_LENGTH_MINUTES', 'input.lengthMinutes'],
    ]);
    expect(codes(validateCourseFields({ title: ' ', lengthMinutes: 90.5 }, true))).toEqual([
      ['REQUIRED', 'input.title'],
      ['INVALID_LENGTH_MINUTES', 'input.lengthMinutes'],
    ]);
    expect(codes(validateCourseFields({ title: '가나', lengthMinutes: 60, tags: ['가'.repeat(21)] }, true))).toEqual([['INVALID_TAG', 'input.tags']]);
    expect(validateCourseFields({ title: '가나', lengthMinutes: 60, tags: ['가'.repeat(20)] }, true).errors).toEqual([]);
  });

  it('on update checks only what is given', () => {
    expect(validateCourseFields({ description: '' }, false)).toEqual({ values: { description: '' }, errors: [] });
    expect(validateCourseFields({}, false)).toEqual({ values: {}, errors: [] });
  });
});

describe('resources, categories, text', () => {
  it('accepts only absolute http(s) links', () => {
    expect(isHttpUrl('https://www.law.go.kr/법령')).toBe(true);
    expect(isHttpUrl('http://example.org')).toBe(true);
    for (const bad of ['ftp://example.org', 'javascript:alert(1)', 'www.example.org', 'https://', 'https://exa mple.org']) expect(isHttpUrl(bad)).toBe(false);
    expect(codes(validateResourceFields({ title: '', url: 'mailto:x@y.kr', provider: 'p'.repeat(101) }))).toEqual([
      ['REQUIRED', 'input.title'],
      ['INVALID_URL', 'input.url'],
      ['TOO_LONG', 'input.provider'],
    ]);
  });

  it('checks category codes and names', () => {
    expect(validateCategoryFields({ code: ' data_analysis ', name: ' 데이터 분석 ' }, true)).toEqual({ values: { code: 'DATA_ANALYSIS', name: '데이터 분석' }, errors: [] });
    expect(codes(validateCategoryFields({ code: '1X', name: '', sortOrder: -1 }, true))).toEqual([
      ['INVALID_CODE', 'input.code'],
      ['REQUIRED', 'input.name'],
      ['INVALID_SORT_ORDER', 'input.sortOrder'],
    ]);
  });

  it('builds search keys in NFC without spacing or case', () => {
    expect(searchKey('생성형AI'.normalize('NFD'))).toBe('생성형ai');
    expect(searchKey('  생성형  AI ')).toBe('생성형ai');
    expect(cleanMultiline('a\n\n\n\nb')).toBe('a\n\nb');
  });
});
