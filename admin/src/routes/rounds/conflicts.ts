/** What the conflict check needs of an offering. */
export interface SlotLike {
  id?: string;
  startsAt: string;
  endsAt: string;
  place?: string | null;
}

/** Places compare like the API compares Korean text: NFC, spacing folded, case ignored. */
export function samePlace(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * Offerings that would sit in the same room at the same time as `candidate` (half-open
 * intervals: one ending at 10:00 and the next starting at 10:00 do not clash). Online offerings
 * (no place) never clash. A warning for the planner, not a rule: the API accepts them.
 */
export function placeConflicts<T extends SlotLike>(candidate: SlotLike, others: readonly T[]): T[] {
  if (!candidate.place?.trim()) return [];
  const s = Date.parse(candidate.startsAt);
  const e = Date.parse(candidate.endsAt);
  if (!(s < e)) return [];
  return others.filter(
    (o) => (candidate.id === undefined || o.id !== candidate.id) && Boolean(o.place) && samePlace(o.place!, candidate.place!) && Date.parse(o.startsAt) < e && s < Date.parse(o.endsAt),
  );
}

/** Ids of the offerings of a round that clash with at least one other. */
export function conflictingIds(offerings: readonly (SlotLike & { id: string })[]): Set<string> {
  const out = new Set<string>();
  for (const o of offerings) if (placeConflicts(o, offerings).length) out.add(o.id);
  return out;
}

/** `YYYY-MM-DD` + `HH:mm` in Korea time → ISO instant. */
export function kstInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+09:00`).toISOString();
}

/** ISO instant → [`YYYY-MM-DD`, `HH:mm`] in Korea time. */
export function kstParts(iso: string): [string, string] {
  const k = new Date(Date.parse(iso) + 9 * 3600_000).toISOString();
  return [k.slice(0, 10), k.slice(11, 16)];
}
