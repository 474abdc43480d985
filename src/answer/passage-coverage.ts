// How much of a question the passage that would be cited for a hit covers by itself. The
// index scores each claim with its neighbours as low-weight context, which finds a passage
// whose point is made across sentences, but it also lets a passage rank on words that only
// its neighbours hold: "what was China's old strategy against US manufacturing" ranked a
// passage whose neighbour, not itself, names the strategy. The reader sees the passage, so
// the ranking leans towards the passages that say what was asked.
import { type AnalyzedQuery, groupCoverage, type SearchHit, terms } from "../search/index.ts";
import type { CorpusView } from "./corpus-view.ts";
import { passageSpan } from "./passage.ts";

// The index terms of each claim's passage, per view (a view's passages never change).
const passageTerms = new WeakMap<CorpusView, Map<string, ReadonlySet<string>>>();

function termsOfPassage(view: CorpusView, id: string): ReadonlySet<string> {
  let cache = passageTerms.get(view);
  if (!cache) {
    cache = new Map();
    passageTerms.set(view, cache);
  }
  let found = cache.get(id);
  if (!found) {
    const claim = view.claim(id);
    found = new Set(claim ? terms(view.cite(claim.file, passageSpan(view, claim)).quote) : []);
    cache.set(id, found);
  }
  return found;
}

/**
 * The share of the question's words, weighed by specificity as confidence is (confidence.ts),
 * that the cited passage of `hit` holds itself, without its neighbours.
 */
export function passageCoverage(view: CorpusView, analyzed: AnalyzedQuery, hit: SearchHit): number {
  const own = termsOfPassage(view, hit.id);
  return groupCoverage(analyzed.groups, (term) => own.has(term)).confidence;
}
