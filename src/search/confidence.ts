import type { QueryGroup } from "./query.ts";

/**
 * Confidence that a hit answers the query, in [0,1]:
 *
 *   sum over the query's content words w that the hit contains:  specificity(w) * credit(w)
 *   ---------------------------------------------------------------------------------------
 *   sum over all of the query's content words:                   specificity(w)
 *
 * specificity is how much the word says in general English (background.ts): filler such as
 * "main", "actually" or "stuff" weighs next to nothing, names and rare words weigh fully. It
 * used to be the word's rarity in this index, which made any everyday word the articles
 * happen not to use ("main", "investing") the weightiest word of the question and silenced
 * fair questions. credit is 1 for the word itself, an alias or a spelling correction, and
 * lower for a word related in meaning or a longer form of it. Unlike the raw BM25 score it
 * does not grow with query length or corpus size, so one threshold works for every question.
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
    total += group.specificity;
    let credit = 0;
    for (const entry of group.terms) {
      if (!matches(entry.term)) continue;
      matchedTerms.push(entry.term);
      credit = Math.max(credit, entry.credit);
    }
    covered += group.specificity * credit;
  }
  return { confidence: total > 0 ? Math.min(1, covered / total) : 0, matchedTerms };
}
