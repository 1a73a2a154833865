import { parse } from 'csv-parse/sync';
import { DomainError } from './errors.js';

export interface CsvUploadRow {
  /** File line where the record ends (1 = the header): right after blank lines and multi-line values. */
  line: number;
  record: string[];
}

export interface CsvUpload<C extends string> {
  rows: CsvUploadRow[];
  /** Position of each known column in the header, -1 when absent. */
  index: Record<C, number>;
}

const key = (h: string) => h.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/**
 * Reads an uploaded CSV (optional BOM, blank lines, quoted values across lines) and maps its
 * header to known columns, each listed with the names an HR or LMS export may use (English or
 * Korean; case and spacing ignored). A malformed, empty or too-large file is refused with a
 * user error on `input.csv`; checking which columns are required is the caller's.
 */
export function readCsvUpload<C extends string>(csv: string, columns: Record<C, readonly string[]>, maxRows: number): CsvUpload<C> {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's typings return records only; with `info: true` each entry is {record, info}.
    parsed = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof parsed;
  } catch (e) {
    throw DomainError.badInput('CSV_MALFORMED', 'CSV_MALFORMED', { detail: (e as Error).message.slice(0, 200) }, ['input', 'csv']);
  }
  if (parsed.length < 2) throw DomainError.badInput('CSV_EMPTY', 'CSV_EMPTY', {}, ['input', 'csv']);
  if (parsed.length - 1 > maxRows) throw DomainError.badInput('CSV_TOO_LARGE', 'CSV_TOO_LARGE', { max: maxRows }, ['input', 'csv']);
  const header = parsed[0].record.map(key);
  const index = {} as Record<C, number>;
  for (const [col, names] of Object.entries(columns) as [C, readonly string[]][]) {
    index[col] = header.findIndex((h) => names.some((n) => key(n) === h));
  }
  return { rows: parsed.slice(1).map((p) => ({ line: p.info.lines, record: p.record })), index };
}
