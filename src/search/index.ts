// Public surface of the search engine: what the answer layer, the evaluation and the CLI import.

export { groupCoverage } from "./confidence.ts";
export { type CounterOptions, findCounterArguments } from "./counter.ts";
export { SEARCH_DEFAULTS } from "./defaults.ts";
export { createSearchIndex, SearchIndex, type SearchIndexOptions } from "./engine.ts";
export {
  cosineSimilarity,
  type FusedResult,
  RRF_K,
  rankBySimilarity,
  reciprocalRankFusion,
  reciprocalRankFusionScores,
} from "./fusion.ts";
export type { AnalyzedQuery, QueryGroup } from "./query.ts";
export { analyze, terms } from "./tokenize.ts";
export type * from "./types.ts";
