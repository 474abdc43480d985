// Rank fusion for hybrid search: fuse a lexical ranking with an embedding ranking, and
// compare vectors. Pure arithmetic over ids and numbers: the vectors come from whoever has a
// model, so nothing here needs one.

/** Reciprocal rank fusion's k. Defaults to 60 (Cormack et al.'s value). */
export const RRF_K = 60;

export interface FusedResult {
  id: string;
  score: number;
}

/**
 * Reciprocal rank fusion (Cormack et al. 2009): each ranking adds 1 / (k + rank) for every id
 * it lists (rank from 1). k (RRF_K) damps the head so one ranking cannot dominate. Ties keep the
 * order of first appearance, so the result is deterministic. A duplicate id inside one
 * ranking counts at its best rank only.
 */
export function reciprocalRankFusionScores(
  rankings: readonly (readonly string[])[],
  k = RRF_K,
): FusedResult[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    const seen = new Set<string>();
    ranking.forEach((id, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1));
    });
  }
  const order = [...scores.keys()];
  return order
    .map((id, position) => ({ id, score: scores.get(id) ?? 0, position }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ id, score }) => ({ id, score }));
}

/** The fused order of ids, best first. */
export function reciprocalRankFusion(
  rankings: readonly (readonly string[])[],
  k = RRF_K,
): string[] {
  return reciprocalRankFusionScores(rankings, k).map((result) => result.id);
}

/** Cosine similarity in [-1, 1]; 0 when either vector is all zeros or the lengths differ. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}

/** Ids ordered by similarity to `query`, best first (ties keep input order). */
export function rankBySimilarity(
  query: readonly number[],
  vectors: ReadonlyMap<string, readonly number[]>,
): string[] {
  return [...vectors.entries()]
    .map(([id, vector], position) => ({ id, position, score: cosineSimilarity(query, vector) }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map((entry) => entry.id);
}
