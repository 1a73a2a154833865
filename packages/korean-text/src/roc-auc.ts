/**
 * Area under the ROC curve via the Mann–Whitney U statistic, with tied scores given their
 * average rank (so a constant scorer gets exactly 0.5). Used by the benchmarks and offered to
 * other packages so that everyone measures matching quality the same way.
 *
 * @returns NaN when either class is empty, because the AUC is undefined then.
 */
export function rocAuc(scores: ArrayLike<number>, positives: ArrayLike<boolean>): number {
  const n = scores.length;
  if (positives.length !== n) throw new RangeError('scores and labels differ in length');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPositive = 0;
  let nPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    // Ranks i+1 … j+1 are shared by the tie group.
    const averageRank = (i + j + 2) / 2;
    for (let t = i; t <= j; t++) {
      if (positives[order[t]]) {
        rankSumPositive += averageRank;
        nPos++;
      }
    }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  return (rankSumPositive - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
