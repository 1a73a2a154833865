import { DEFAULT_SYNONYMS, type SynonymList, TextIndex, cosine, normalize } from '@kok/korean-text';

/** A demand as the matcher sees it: its label and the texts of its open requests. */
export interface DemandCandidate {
  demandId: number;
  label: string;
  /** `title + description` of each open request. */
  texts: string[];
}

/** A text to rank against the query (a catalogue course, for instance). */
export interface MatchDocument {
  id: number;
  text: string;
}

export interface MatchOptions {
  /** Administrator-edited synonym groups (added to the shipped ones). */
  synonyms: SynonymList;
  /** Texts that only contribute document frequencies (e.g. the catalogue's courses). */
  background?: readonly string[];
}

/**
 * How a new training request finds the demand it belongs to, and how a demand finds the
 * courses that already answer it. Pure: no database, so it can be tested and benchmarked
 * on its own, and replaced (say, by an embedding model) without touching the service.
 *
 * @example
 * class EmbeddingDemandMatcher implements DemandMatcher {
 *   scoreDemands(text, candidates) { const q = embed(text); return candidates.map((c) => ({ demandId: c.demandId, score: maxCos(q, c.texts.map(embed)) })); }
 *   ranker(docs) { const vs = docs.map((d) => embed(d.text)); return (query, k) => topK(embed(query), vs, k); }
 * }
 */
export interface DemandMatcher {
  /** Similarity in [0, 1] of `text` to each candidate demand, in candidate order. */
  scoreDemands(text: string, candidates: readonly DemandCandidate[], options: MatchOptions): { demandId: number; score: number }[];
  /** Prepares `documents` once (e.g. the catalogue) for many queries: each returns the most similar, best first, above `minScore`. */
  ranker(documents: readonly MatchDocument[], options: MatchOptions): (query: string, k: number, minScore: number) => { id: number; score: number }[];
}

/**
 * Words that almost every training request contains ("…을 배우고 싶어요", "… 교육 요청") and
 * that say nothing about the topic. Left in, they make unrelated short requests look alike;
 * the package keeps them because its KorSTS sentences are not requests. Matched on whole
 * words after normalisation; a particle or ending attached to them is stripped with them.
 */
const REQUEST_BOILERPLATE = [
  '교육', '강의', '강좌', '과정', '연수', '수업', '특강', '요청', '요청합니다', '희망', '희망합니다', '신청',
  '배우고', '배우기', '배울', '배움', '듣고', '받고', '받기', '싶어요', '싶습니다', '싶다', '싶음', '원합니다', '원해요',
  '있었으면', '있으면', '좋겠습니다', '좋겠어요', '좋겠다', '부탁드립니다', '해주세요', '주세요', '알려주세요', '알고',
  '방법', '법', '관련', '대한', '대해', '위한', '필요합니다', '필요해요', '필요', '개설', '열어', '열어주세요', '수', '등',
];
const BOILERPLATE = new Set(REQUEST_BOILERPLATE.map((w) => normalize(w)));
const PARTICLE = /(을|를|이|가|은|는|에|에서|으로|로|의|도|과|와|및|이나|나|좀)$/;

/** The topic words of a request: normalised, boilerplate removed (kept whole when nothing else is left). */
export function requestTopicText(text: string): string {
  const words = normalize(text).split(' ').filter(Boolean);
  const kept = words.filter((w) => !BOILERPLATE.has(w) && !BOILERPLATE.has(w.replace(PARTICLE, '')));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** Shipped synonyms plus the administrators' groups (groups sharing a term merge in the package). */
export function effectiveSynonyms(admin: SynonymList): SynonymList {
  return [...DEFAULT_SYNONYMS, ...admin];
}

/**
 * Default matcher: the `@kok/korean-text` TF-IDF space (word + jamo n-grams, synonyms expanded)
 * fitted on the open requests, the demand labels and the background texts. A demand scores the
 * mean of (a) its best-matching request and (b) its centroid: the best match lets a short,
 * differently worded request join; the centroid keeps one ambiguous request from dragging
 * unrelated ones in (chaining).
 */
export class TfIdfDemandMatcher implements DemandMatcher {
  scoreDemands(text: string, candidates: readonly DemandCandidate[], options: MatchOptions): { demandId: number; score: number }[] {
    if (candidates.length === 0) return [];
    const docs = candidates.flatMap((c) => [c.label, ...c.texts].map((t) => requestTopicText(t)));
    const query = requestTopicText(text);
    const index = TextIndex.fit(
      docs.map((t, i) => ({ id: String(i), text: t })),
      { synonyms: effectiveSynonyms(options.synonyms), background: [query, ...(options.background ?? []).map(requestTopicText)] },
    );
    const q = index.vector(query);
    let offset = 0;
    return candidates.map((c) => {
      const n = 1 + c.texts.length;
      let best = 0;
      const centroid = new Map<number, number>();
      for (let i = offset; i < offset + n; i++) {
        const v = index.documentVector(i);
        best = Math.max(best, cosine(q, v));
        for (let j = 0; j < v.ids.length; j++) centroid.set(v.ids[j], (centroid.get(v.ids[j]) ?? 0) + v.weights[j]);
      }
      offset += n;
      const ids = [...centroid.keys()].sort((a, b) => a - b);
      const c0 = { ids: Uint32Array.from(ids), weights: Float32Array.from(ids.map((id) => centroid.get(id)!)) };
      return { demandId: c.demandId, score: (best + cosine(q, c0)) / 2 };
    });
  }

  ranker(documents: readonly MatchDocument[], options: MatchOptions): (query: string, k: number, minScore: number) => { id: number; score: number }[] {
    if (documents.length === 0) return () => [];
    const index = TextIndex.fit(
      documents.map((d) => ({ id: String(d.id), text: requestTopicText(d.text) })),
      { synonyms: effectiveSynonyms(options.synonyms), background: options.background?.map(requestTopicText) },
    );
    return (query, k, minScore) => (k <= 0 ? [] : index.topK(requestTopicText(query), k, { minScore }).map((h) => ({ id: Number(h.id), score: h.score })));
  }
}

/** Picks the demand a request joins: the best score at or above the threshold (ties: the older demand). */
export function bestDemand(scores: readonly { demandId: number; score: number }[], threshold: number): { demandId: number; score: number } | null {
  let best: { demandId: number; score: number } | null = null;
  for (const s of scores) {
    if (s.score < threshold) continue;
    if (!best || s.score > best.score || (s.score === best.score && s.demandId < best.demandId)) best = s;
  }
  return best;
}

/** The text of a request that matching compares: its title, then its description. */
export function requestText(title: string, description: string): string {
  return `${title} ${description}`.trim();
}

/**
 * Groups requests one after another exactly as submissions do (each joins the best open
 * demand so far or starts one labelled with its title). Used by the demo seed and the
 * matcher's tests; returns, for each request, the index of its demand.
 */
export function groupSequentially(
  requests: readonly { title: string; description: string }[],
  threshold: number,
  options: MatchOptions,
  matcher: DemandMatcher = new TfIdfDemandMatcher(),
): { demandOf: number[]; demands: { label: string; members: number[] }[] } {
  const demands: { label: string; members: number[] }[] = [];
  const demandOf: number[] = [];
  requests.forEach((req, i) => {
    const candidates = demands.map((d, id) => ({ demandId: id, label: d.label, texts: d.members.map((m) => requestText(requests[m].title, requests[m].description)) }));
    const best = bestDemand(matcher.scoreDemands(requestText(req.title, req.description), candidates, options), threshold);
    if (best) {
      demands[best.demandId].members.push(i);
      demandOf.push(best.demandId);
    } else {
      demands.push({ label: req.title, members: [i] });
      demandOf.push(demands.length - 1);
    }
  });
  return { demandOf, demands };
}
