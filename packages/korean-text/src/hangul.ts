/** Hangul helpers: jamo decomposition and a deliberately small particle/ending stripper. */

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

/** True for a precomposed Hangul syllable (가–힣). */
export function isHangulSyllable(code: number): boolean {
  return code >= SYLLABLE_BASE && code <= SYLLABLE_LAST;
}

/**
 * Splits precomposed syllables into conjoining jamo (initial, medial, optional final) and keeps
 * other characters. Jamo n-grams let 잘라/자르고 or 했다/하였다 share features that whole
 * syllables do not.
 */
export function decomposeHangul(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHangulSyllable(code)) {
      out += text[i];
      continue;
    }
    const s = code - SYLLABLE_BASE;
    const t = s % 28;
    out += String.fromCharCode(0x1100 + Math.floor(s / 588), 0x1161 + Math.floor((s % 588) / 28));
    if (t > 0) out += String.fromCharCode(0x11a7 + t);
  }
  return out;
}

/**
 * Endings and particles, longest first. The list is short on purpose: a stem is only an
 * extra feature next to the character n-grams, so a missed ending costs little while a wrong
 * cut (사이 → 사) would create false matches.
 */
const SUFFIXES: readonly string[] = [
  '했습니다', '합니다', '습니다', '입니다', '됩니다', '하였다', '해주세요', '부탁드립니다',
  '하고', '하는', '한다', '했다', '하기', '하여', '해서', '되는', '된다', '되어', '있는', '있다',
  '에서는', '으로는', '에게서', '에서', '으로', '에게', '한테', '까지', '부터', '처럼', '보다', '이나', '에는',
  '은', '는', '이', '가', '을', '를', '에', '의', '와', '과', '도', '만', '로', '나',
];

/**
 * Removes one trailing particle or verb ending from a Hangul word when at least two
 * syllables remain (one for longer endings), so 교육을 → 교육, 활용하는 → 활용.
 */
export function stripKoreanSuffix(word: string): string {
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.length - suffix.length;
    const minRest = suffix.length === 1 ? 2 : 1;
    if (rest >= minRest && isHangulSyllable(word.charCodeAt(rest - 1))) return word.slice(0, rest);
  }
  return word;
}
