import { normalize } from './normalize.js';
import { PhraseMatcher } from './phrase-matcher.js';

/** Terms that may stand for each other, e.g. `['엑셀', '스프레드시트']`; a pair is a group of two. */
export type SynonymGroup = readonly string[];

/** The administrator-editable synonym data: plain groups, no ids or weights, so it round-trips through JSON. */
export type SynonymList = readonly SynonymGroup[];

/** How {@link SynonymDictionary.expand} rewrites text. */
export type SynonymExpansionMode =
  /** Append every other member of each matched group (symmetric: both sides end up sharing all spellings). */
  | 'append-all'
  /** Append only the group's first member; cheaper when groups are large. */
  | 'append-canonical';

/**
 * Compiled synonym data. Groups that share a term are merged, because administrators will
 * enter pairs one at a time (엑셀↔스프레드시트, 스프레드시트↔구글 시트) and expect the
 * relation to be transitive.
 */
export class SynonymDictionary {
  private readonly matcher: PhraseMatcher;

  private constructor(readonly groups: readonly (readonly string[])[]) {
    this.matcher = PhraseMatcher.fromGroups(groups);
  }

  /** Builds the dictionary from raw administrator data; blank terms and duplicates are dropped. */
  static from(list: SynonymList): SynonymDictionary {
    const parent: number[] = [];
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    const termGroup = new Map<string, number>();
    const cleaned = list.map((group) => group.map(normalize).filter((t) => t.length > 0));
    cleaned.forEach((group, index) => {
      parent[index] = index;
      for (const term of group) {
        const key = term.replace(/ /g, '');
        const seen = termGroup.get(key);
        if (seen === undefined) termGroup.set(key, index);
        else parent[find(index)] = find(seen);
      }
    });
    const merged = new Map<number, string[]>();
    cleaned.forEach((group, index) => {
      const root = find(index);
      const target = merged.get(root) ?? [];
      for (const term of group) if (!target.some((t) => t.replace(/ /g, '') === term.replace(/ /g, ''))) target.push(term);
      merged.set(root, target);
    });
    const groups = [...merged.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, terms]) => terms)
      .filter((terms) => terms.length > 1);
    return new SynonymDictionary(groups);
  }

  /** Indices (into {@link groups}) of the groups mentioned in already-normalised text, in order of appearance. */
  matchedGroups(normalizedText: string): number[] {
    const seen = new Set<number>();
    const out: number[] = [];
    for (const m of this.matcher.findAll(normalizedText)) {
      if (!seen.has(m.group)) {
        seen.add(m.group);
        out.push(m.group);
      }
    }
    return out;
  }

  /**
   * Rewrites text so that n-gram features of one spelling also appear for the others. The
   * original text is kept in front so that exact wording still counts most.
   *
   * @example dict.expand('엑셀 함수 교육') → '엑셀 함수 교육 excel 스프레드시트 spreadsheet 구글 시트 수식 …'
   */
  expand(text: string, mode: SynonymExpansionMode = 'append-all'): string {
    const normalized = normalize(text);
    const matches = this.matcher.findAll(normalized);
    if (matches.length === 0) return normalized;
    const present = new Set(matches.map((m) => normalized.slice(m.start, m.end).replace(/ /g, '')));
    const extra: string[] = [];
    const done = new Set<number>();
    for (const m of matches) {
      if (done.has(m.group)) continue;
      done.add(m.group);
      const group = this.groups[m.group];
      if (mode === 'append-canonical') {
        const canonical = group[0];
        if (!present.has(canonical.replace(/ /g, ''))) extra.push(canonical);
      } else {
        for (const term of group) if (!present.has(term.replace(/ /g, ''))) extra.push(term);
      }
    }
    return extra.length === 0 ? normalized : `${normalized} ${extra.join(' ')}`;
  }
}

/** Convenience for one-off calls; prefer keeping a {@link SynonymDictionary} when expanding many texts. */
export function expandSynonyms(text: string, synonyms: SynonymList | SynonymDictionary, mode?: SynonymExpansionMode): string {
  const dict = synonyms instanceof SynonymDictionary ? synonyms : SynonymDictionary.from(synonyms);
  return dict.expand(text, mode);
}
