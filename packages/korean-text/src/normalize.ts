import { PhraseMatcher } from './phrase-matcher.js';
import { DEFAULT_ABBREVIATIONS } from './dictionaries.js';

/** A group of spellings of one term; the first entry is the canonical spelling. */
export type AbbreviationGroup = readonly string[];

/** Abbreviation data used by {@link normalizeTitleKey}; kept as plain data so administrators can edit it. */
export type AbbreviationList = readonly AbbreviationGroup[];

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const WHITESPACE = /\s+/g;
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;
const LATIN_OR_DIGIT = /[a-z0-9]/;
const DIGIT = /[0-9]/;

/**
 * Full-width ASCII (U+FF01–U+FF5E) and the ideographic space are mapped by hand rather than
 * through NFKC, because NFKC would also turn Hangul compatibility jamo (ㅋ, ㄱ) into conjoining
 * jamo and circled/parenthesised forms (㈜) into several characters.
 */
export function toHalfWidth(text: string): string {
  let changed = false;
  const out: string[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) {
      out.push(String.fromCharCode(code - 0xfee0));
      changed = true;
    } else if (code === 0x3000) {
      out.push(' ');
      changed = true;
    } else {
      out.push(ch);
    }
  }
  return changed ? out.join('') : text;
}

/**
 * Canonical form for comparing, searching and de-duplicating Korean text.
 *
 * Punctuation and symbols become spaces, except where they are part of a token people type
 * on purpose: `c++`/`c#` (after a latin letter), decimal points and thousands separators
 * between digits (`4.0`, `1,000` → `1000`) and `&` inside latin words (`r&d`).
 *
 * @example normalize('  ＡＩ·빅데이터  활용!! ') === 'ai 빅데이터 활용'
 */
export function normalize(text: string): string {
  const s = toHalfWidth(text.normalize('NFC')).replace(ZERO_WIDTH, '').toLowerCase();
  const chars = Array.from(s);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (!PUNCT_OR_SYMBOL.test(ch)) {
      out.push(ch);
      continue;
    }
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if ((ch === '+' || ch === '#') && /[a-z+]/.test(prev)) {
      out.push(ch);
    } else if (ch === '.' && DIGIT.test(prev) && DIGIT.test(next)) {
      out.push(ch);
    } else if (ch === ',' && DIGIT.test(prev) && DIGIT.test(next)) {
      // thousands separator: dropped so that 1,000 and 1000 are the same token
    } else if (ch === '&' && LATIN_OR_DIGIT.test(prev) && LATIN_OR_DIGIT.test(next)) {
      out.push(ch);
    } else {
      out.push(' ');
    }
  }
  return out.join('').replace(WHITESPACE, ' ').trim();
}

const titleMatcherCache = new WeakMap<AbbreviationList, PhraseMatcher>();

function titleMatcher(abbreviations: AbbreviationList): PhraseMatcher {
  let matcher = titleMatcherCache.get(abbreviations);
  if (!matcher) {
    matcher = PhraseMatcher.fromGroups(abbreviations.map((group) => group.map(normalize)));
    titleMatcherCache.set(abbreviations, matcher);
  }
  return matcher;
}

/**
 * Key under which two course or request titles count as the same title: they may differ in
 * spacing, punctuation, case, width or in a listed abbreviation, but in nothing else.
 * Deliberately not fuzzy — anything looser belongs to {@link TextIndex} similarity.
 *
 * @example normalizeTitleKey('4대 폭력 예방 교육') === normalizeTitleKey('4대폭력예방교육')
 * @example normalizeTitleKey('ChatGPT 활용') === normalizeTitleKey('챗 지피티 활용')
 */
export function normalizeTitleKey(text: string, abbreviations: AbbreviationList = DEFAULT_ABBREVIATIONS): string {
  const normalized = normalize(text);
  const matcher = titleMatcher(abbreviations);
  const canonical = abbreviations.map((group) => normalize(group[0] ?? ''));
  return matcher.replace(normalized, (group) => canonical[group]).replace(/ /g, '');
}
