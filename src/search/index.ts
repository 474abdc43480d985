// Public surface of the search engine: what the answer layer and the CLI import.

export { type BeirOptions, type BeirReport, evaluateBeir } from "./beir.ts";
export { BeirDataError } from "./beir-load.ts";
export { type CounterOptions, findCounterArguments } from "./counter.ts";
export { SEARCH_DEFAULTS } from "./defaults.ts";
export { createSearchIndex, SearchIndex, type SearchIndexOptions } from "./engine.ts";
export type { AnalyzedQuery, QueryGroup } from "./query.ts";
export { analyze, terms } from "./tokenize.ts";
export type * from "./types.ts";
