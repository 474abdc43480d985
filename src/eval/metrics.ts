/** Graded relevance of documents for one query: doc id -> gain (0 = judged irrelevant). */
export type Judgements = ReadonlyMap<string, number>;

/**
 * nDCG@k as trec_eval (and so BEIR) computes it: linear gains, discount 1/log2(rank + 1),
 * ideal ranking built from all judged documents, 0 when nothing is relevant.
 */
export function ndcgAt(ranked: readonly string[], judgements: Judgements, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, index) => {
    const gain = judgements.get(id) ?? 0;
    if (gain > 0) dcg += gain / Math.log2(index + 2);
  });
  const ideal = [...judgements.values()]
    .filter((gain) => gain > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, gain, index) => sum + gain / Math.log2(index + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant documents that appear in the first k. */
export function recallAt(ranked: readonly string[], judgements: Judgements, k: number): number {
  const relevant = [...judgements.values()].filter((gain) => gain > 0).length;
  if (relevant === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => (judgements.get(id) ?? 0) > 0).length;
  return found / relevant;
}

/** 1 / rank of the first relevant document within the first k, else 0. */
export function reciprocalRankAt(
  ranked: readonly string[],
  judgements: Judgements,
  k: number,
): number {
  const index = ranked.slice(0, k).findIndex((id) => (judgements.get(id) ?? 0) > 0);
  return index === -1 ? 0 : 1 / (index + 1);
}

/** Nearest-rank percentile (p in [0,100]) of a list of numbers; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
