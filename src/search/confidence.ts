import type { QueryGroup } from "./query.ts";

/**
 * Confidence that a hit answers the query, in [0,1]:
 *
 *   sum over the query's content words w that the hit contains:  idf(w) * credit(w)
 *   ------------------------------------------------------------------------------
 *   sum over all of the query's content words:                   idf(w)
 *
 * idf is the word's rarity in this index; a word the index has never seen gets the idf of
 * an unseen term (the largest possible), so "capital of France" against an AI-policy
 * corpus scores low even when "capital" happens to occur. credit is 1 for the word itself
 * or a caller alias, and lower for a typo correction (a guess). Unlike the raw BM25 score
 * it does not grow with query length or corpus size, so one threshold works for every
 * question. Measured on the seed articles split into lines, taking the best confidence
 * among the top 10 hits: the dev questions score 0.42-1.0, off-topic ones 0.16-0.41
 * ("capital of France" half-matches "capital markets"), so about 0.45 separates them;
 * passages longer than a line cover more of a question and score higher.
 * A query with no content words at all has confidence 0.
 */
export function groupCoverage(
  groups: readonly QueryGroup[],
  matches: (term: string) => boolean,
): { confidence: number; matchedTerms: string[] } {
  let total = 0;
  let covered = 0;
  const matchedTerms: string[] = [];
  for (const group of groups) {
    total += group.idf;
    let credit = 0;
    for (const entry of group.terms) {
      if (!matches(entry.term)) continue;
      matchedTerms.push(entry.term);
      credit = Math.max(credit, entry.credit);
    }
    covered += group.idf * credit;
  }
  return { confidence: total > 0 ? Math.min(1, covered / total) : 0, matchedTerms };
}
