// `eval --beir DIR --hybrid`: the lexical engine exactly as `eval --beir` runs it, then the
// same queries with the lexical top 100 fused (reciprocal rank fusion) with the top 100 by
// embedding similarity. Both scores are reported, so the gain is measured, not assumed.

import type { Config } from "../config.ts";
import { createOpenAIProvider, providerOptionsFromConfig } from "../llm/index.ts";
import { openModelCache } from "../llm/persistent-cache.ts";
import type { ModelProvider } from "../llm/types.ts";
import { SEARCH_DEFAULTS } from "../search/defaults.ts";
import { SearchIndex } from "../search/engine.ts";
import { rankBySimilarity, reciprocalRankFusion } from "../search/fusion.ts";
import { InvertedIndexBuilder } from "../search/inverted-index.ts";
import type { SearchDocument } from "../search/types.ts";
import { type BeirReport, BEIR_DEPTH as DEPTH } from "./beir.ts";
import { readBeirCorpus, readBeirQrels, readBeirQueries } from "./beir-load.ts";
import { EvalInputError } from "./input-error.ts";
import { mean, ndcgAt, percentile, recallAt, reciprocalRankAt } from "./metrics.ts";

export interface HybridBeirReport extends BeirReport {
  mode: "hybrid";
  embeddingModel: string;
  /** The lexical ranking alone, over the same queries. */
  lexical: { ndcg10: number; recall100: number; mrr10: number };
  /** Embedding the corpus (cached texts cost nothing). */
  embedMs: number;
}

/** Generous: nobody waits on an evaluation, but a dead server should still end it. */
const budgetFor = (texts: number) => 30_000 + 200 * texts;

export async function evaluateBeirHybrid(
  dir: string,
  provider: ModelProvider,
): Promise<HybridBeirReport> {
  if (!provider.embeddingModel) throw new Error("Hybrid search needs OPENAI_EMBEDDING_MODEL.");
  const [queries, qrels] = await Promise.all([readBeirQueries(dir), readBeirQrels(dir)]);
  const started = performance.now();
  const builder = new InvertedIndexBuilder({ fieldWeights: SEARCH_DEFAULTS.beirFieldWeights });
  const documents: SearchDocument[] = [];
  for await (const document of readBeirCorpus(dir)) {
    builder.add(document);
    documents.push(document);
  }
  const index = new SearchIndex(builder.build());
  const indexMs = performance.now() - started;

  const embedStarted = performance.now();
  const docTexts = documents.map((d) => (d.title ? `${d.title}\n${d.text}` : String(d.text)));
  const docVectors = await provider.embed(docTexts, { budgetMs: budgetFor(docTexts.length) });
  if (!docVectors)
    throw new Error("The embedding endpoint did not embed the corpus; see the warnings above.");
  const vectors = new Map(documents.map((d, i) => [d.id, docVectors[i] as number[]]));
  const embedMs = performance.now() - embedStarted;

  const judged = [...qrels].filter(([id]) => queries.has(id));
  const queryVectors = await provider.embed(
    judged.map(([id]) => queries.get(id) as string),
    { budgetMs: budgetFor(judged.length) },
  );
  if (!queryVectors)
    throw new Error("The embedding endpoint did not embed the queries; see the warnings above.");

  const lexical = { ndcg: [] as number[], recall: [] as number[], mrr: [] as number[] };
  const hybrid = { ndcg: [] as number[], recall: [] as number[], mrr: [] as number[] };
  const times: number[] = [];
  const score = (into: typeof lexical, ranked: string[], judgements: Map<string, number>) => {
    into.ndcg.push(ndcgAt(ranked, judgements, 10));
    into.recall.push(recallAt(ranked, judgements, DEPTH));
    into.mrr.push(reciprocalRankAt(ranked, judgements, 10));
  };
  judged.forEach(([queryId, judgements], i) => {
    const text = queries.get(queryId) as string;
    const before = performance.now();
    const excludeIds = new Set([queryId]);
    const lexicalIds = index
      .search(text, { limit: DEPTH, excludeIds, fuzzy: false })
      .map((hit) => hit.id);
    const semanticIds = rankBySimilarity(queryVectors[i] as number[], vectors)
      .filter((id) => id !== queryId)
      .slice(0, DEPTH);
    const fused = reciprocalRankFusion([lexicalIds, semanticIds]).slice(0, DEPTH);
    times.push(performance.now() - before);
    score(lexical, lexicalIds, judgements);
    score(hybrid, fused, judgements);
  });
  return {
    mode: "hybrid",
    embeddingModel: provider.embeddingModel,
    ndcg10: mean(hybrid.ndcg),
    recall100: mean(hybrid.recall),
    mrr10: mean(hybrid.mrr),
    lexical: {
      ndcg10: mean(lexical.ndcg),
      recall100: mean(lexical.recall),
      mrr10: mean(lexical.mrr),
    },
    docs: index.size,
    queries: times.length,
    indexMs,
    embedMs,
    queryP50Ms: percentile(times, 50),
    queryP99Ms: percentile(times, 99),
  };
}

/**
 * `evaluateBeirHybrid` with the embedding model from the environment. Vectors go to the same
 * cache the bot uses, so a second run only embeds new texts. A missing model, or an endpoint
 * that fails, is an EvalInputError carrying the provider's last warning.
 */
export async function evaluateBeirHybridWithConfig(
  config: Config,
  dir: string,
): Promise<HybridBeirReport> {
  const options = providerOptionsFromConfig(config);
  if (!options?.embeddingModel) {
    throw new EvalInputError(
      "--mode hybrid needs an embedding model: set OPENAI_MODEL, OPENAI_EMBEDDING_MODEL and OPENAI_BASE_URL (or OPENAI_API_KEY).",
    );
  }
  const cache = await openModelCache({
    dataDir: config.DATA_DIR,
    ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}),
  });
  try {
    const warnings: string[] = [];
    const provider = createOpenAIProvider({
      ...options,
      cache,
      logger: { warn: (message) => warnings.push(message) },
    });
    try {
      return await evaluateBeirHybrid(dir, provider);
    } catch (error) {
      const why = warnings.at(-1);
      throw new EvalInputError(`${(error as Error).message}${why ? ` (${why})` : ""}`);
    }
  } finally {
    await cache.close();
  }
}
