import { FIELD_GAP } from "./inverted-index.ts";

/** Two query terms that stood next to each other in the question, and their importance. */
export interface TermPair {
  first: number;
  second: number;
  idf: number;
}

/** Adjacent pairs of the query's term sequence, deduplicated, as term ids. */
export function queryPairs(
  sequence: readonly string[],
  termIds: ReadonlyMap<string, number>,
  idf: (term: string) => number,
): TermPair[] {
  const seen = new Set<string>();
  const pairs: TermPair[] = [];
  for (let i = 1; i < sequence.length; i++) {
    const a = sequence[i - 1]!;
    const b = sequence[i]!;
    const first = termIds.get(a);
    const second = termIds.get(b);
    if (first === undefined || second === undefined || first === second) continue;
    const key = first < second ? `${first}:${second}` : `${second}:${first}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({ first, second, idf: Math.min(idf(a), idf(b)) });
  }
  return pairs;
}

/**
 * How strongly a document keeps the question's word pairs together: for each pair, the
 * number of places both words occur within `window` content words of each other, saturated
 * like BM25 term frequency and weighted by the rarer word's idf. A question about
 * "export controls" should prefer the passage that says "export controls" over one that
 * mentions exports in one paragraph and controls in another.
 */
export function proximityScore(
  sequence: Uint32Array,
  pairs: readonly TermPair[],
  window: number,
  k1: number,
): number {
  if (pairs.length === 0) return 0;
  const wanted = new Set<number>();
  for (const pair of pairs) {
    wanted.add(pair.first);
    wanted.add(pair.second);
  }
  const positions = new Map<number, number[]>();
  for (let i = 0; i < sequence.length; i++) {
    const term = sequence[i]!;
    if (term === FIELD_GAP || !wanted.has(term)) continue;
    let list = positions.get(term);
    if (!list) {
      list = [];
      positions.set(term, list);
    }
    list.push(i);
  }
  let total = 0;
  for (const pair of pairs) {
    const firsts = positions.get(pair.first);
    const seconds = positions.get(pair.second);
    if (!firsts || !seconds) continue;
    let count = 0;
    let j = 0;
    for (const position of firsts) {
      while (j < seconds.length && seconds[j]! < position - window) j++;
      if (j < seconds.length && seconds[j]! <= position + window) count++;
    }
    if (count > 0) total += (pair.idf * count * (k1 + 1)) / (count + k1);
  }
  return total;
}
