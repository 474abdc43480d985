import { SEARCH_DEFAULTS } from "./defaults.ts";
import type { SearchIndex } from "./engine.ts";
import type { SearchHit } from "./types.ts";

export interface CounterOptions {
  limit?: number;
  /** Ids never returned, typically the argument's own id. */
  excludeIds?: ReadonlySet<string>;
  /** Keep only the N most distinctive terms of the argument (0 keeps all). */
  maxQueryTerms?: number;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Documents that argue against `argument`, best first (ArguAna-style counter-argument
 * retrieval; the bull/bear pairing uses it to find the bear answer to a bull claim).
 *
 * A rebuttal is written about the very points it rebuts, so it shares the argument's
 * distinctive vocabulary and often repeats its phrases ("the claim that X ..."). The
 * ranking is therefore the whole argument as a BM25 query, with every repeated word
 * counting again (long queries carry their emphasis in repetition), no typo correction
 * or aliases (an argument is edited text, and its rare words are names, not typos), and
 * a phrase-proximity bonus for the argument's word pairs that the candidate keeps
 * together. Near-copies of the argument itself (same vocabulary, a restatement or a
 * duplicate under another id) are dropped: a text cannot be its own counter.
 */
export function findCounterArguments(
  index: SearchIndex,
  argument: string,
  options: CounterOptions = {},
): SearchHit[] {
  const settings = SEARCH_DEFAULTS.counter;
  const limit = options.limit ?? SEARCH_DEFAULTS.limit;
  const analyzed = index.analyze(argument, {
    aliases: {},
    fuzzy: false,
    maxQueryTerms: options.maxQueryTerms ?? settings.maxQueryTerms,
  });
  const hits = index.searchAnalyzed(analyzed, {
    limit: limit + 5,
    bm25: settings.bm25,
    proximity: settings.proximity,
    excludeIds: options.excludeIds,
  });
  const argumentTerms = new Set(analyzed.sequence);
  const counters = hits.filter((hit) => {
    const terms = index.documentTerms(hit.id);
    return !terms || jaccard(argumentTerms, new Set(terms)) < settings.duplicateOverlap;
  });
  return counters.slice(0, limit);
}
