import { findCounterArguments } from "../search/counter.ts";
import { SEARCH_DEFAULTS } from "../search/defaults.ts";
import { SearchIndex } from "../search/engine.ts";
import { InvertedIndexBuilder } from "../search/inverted-index.ts";
import type { SearchHit } from "../search/types.ts";
import { readBeirCorpus, readBeirQrels, readBeirQueries } from "./beir-load.ts";
import { mean, ndcgAt, percentile, recallAt, reciprocalRankAt } from "./metrics.ts";

/** The `thesis-bot eval --beir DIR --json` result, field for field. */
export interface BeirReport {
  ndcg10: number;
  recall100: number;
  mrr10: number;
  docs: number;
  queries: number;
  /** Reading, tokenising and indexing corpus.jsonl. */
  indexMs: number;
  queryP50Ms: number;
  queryP99Ms: number;
}

export interface BeirOptions {
  /** search: the query as a question; counter: the query is an argument to rebut. */
  mode: "search" | "counter";
}

/** Ranking depth scored (recall@100, as BEIR reports). Defaults to 100. */
export const BEIR_DEPTH = 100;

/**
 * Runs every query that has judgements in qrels/test.tsv against the corpus and scores
 * the rankings as BEIR does (a hit whose id equals the query id is dropped first, since
 * ArguAna's queries are themselves corpus documents).
 */
export async function evaluateBeir(dir: string, options: BeirOptions): Promise<BeirReport> {
  // One after the other, so a folder missing several files always names the same one first.
  const queries = await readBeirQueries(dir);
  const qrels = await readBeirQrels(dir);
  const started = performance.now();
  // BEIR documents are one flat field: see SEARCH_DEFAULTS.beirFieldWeights.
  const builder = new InvertedIndexBuilder({ fieldWeights: SEARCH_DEFAULTS.beirFieldWeights });
  for await (const document of readBeirCorpus(dir)) builder.add(document);
  const index = new SearchIndex(builder.build());
  const indexMs = performance.now() - started;

  const ndcg: number[] = [];
  const recall: number[] = [];
  const mrr: number[] = [];
  const times: number[] = [];
  for (const [queryId, judgements] of qrels) {
    const text = queries.get(queryId);
    if (text === undefined) continue;
    const excludeIds = new Set([queryId]);
    const before = performance.now();
    const hits: SearchHit[] =
      options.mode === "counter"
        ? findCounterArguments(index, text, { limit: BEIR_DEPTH, excludeIds })
        : index.search(text, { limit: BEIR_DEPTH, excludeIds, fuzzy: false });
    times.push(performance.now() - before);
    const ranked = hits.map((hit) => hit.id);
    ndcg.push(ndcgAt(ranked, judgements, 10));
    recall.push(recallAt(ranked, judgements, BEIR_DEPTH));
    mrr.push(reciprocalRankAt(ranked, judgements, 10));
  }
  return {
    ndcg10: mean(ndcg),
    recall100: mean(recall),
    mrr10: mean(mrr),
    docs: index.size,
    queries: times.length,
    indexMs,
    queryP50Ms: percentile(times, 50),
    queryP99Ms: percentile(times, 99),
  };
}
