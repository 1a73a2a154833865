/** Internal: finds listed phrases in normalised text, ignoring spaces inside a phrase. */

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Group index when a phrase ends here, otherwise -1. */
  group: number;
}

const isWordChar = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

export interface PhraseMatch {
  start: number;
  end: number;
  group: number;
}

/**
 * Leftmost-longest matching over a character trie. Spaces are skipped on both sides so that
 * "스프레드 시트" matches "스프레드시트"; a phrase that begins or ends with a latin letter or a
 * digit must sit on a word boundary, so "ai" is not found inside "email".
 */
export class PhraseMatcher {
  private readonly root: TrieNode = { next: new Map(), group: -1 };

  static fromGroups(groups: ReadonlyArray<readonly string[]>): PhraseMatcher {
    const matcher = new PhraseMatcher();
    groups.forEach((group, index) => {
      for (const phrase of group) matcher.add(phrase, index);
    });
    return matcher;
  }

  add(phrase: string, group: number): void {
    const compact = phrase.replace(/\s+/g, '');
    if (compact.length === 0) return;
    let node = this.root;
    for (let i = 0; i < compact.length; i++) {
      const code = compact.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), group: -1 };
        node.next.set(code, child);
      }
      node = child;
    }
    // The first group to claim a phrase keeps it, so later duplicates cannot silently re-route it.
    if (node.group === -1) node.group = group;
  }

  findAll(text: string): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const first = text.charCodeAt(i);
      if (first === 0x20 || (isWordChar(first) && i > 0 && isWordChar(text.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      let node: TrieNode | undefined = this.root;
      let j = i;
      let bestEnd = -1;
      let bestGroup = -1;
      while (j < n && node) {
        const code = text.charCodeAt(j);
        if (code === 0x20 && j > i) {
          j++;
          continue;
        }
        node = node.next.get(code);
        j++;
        if (node && node.group !== -1) {
          const last = text.charCodeAt(j - 1);
          const boundaryOk = !isWordChar(last) || j >= n || !isWordChar(text.charCodeAt(j));
          if (boundaryOk) {
            bestEnd = j;
            bestGroup = node.group;
          }
        }
      }
      if (bestEnd > 0) {
        matches.push({ start: i, end: bestEnd, group: bestGroup });
        i = bestEnd;
      } else {
        i++;
      }
    }
    return matches;
  }

  replace(text: string, replacement: (group: number) => string): string {
    const matches = this.findAll(text);
    if (matches.length === 0) return text;
    let out = '';
    let pos = 0;
    for (const m of matches) {
      out += text.slice(pos, m.start) + replacement(m.group);
      pos = m.end;
    }
    return out + text.slice(pos);
  }
}
