// Embeddings with a cache keyed by model and text hash: the corpus is embedded once, and a
// restart or re-index only pays for texts it has not seen.
import type OpenAI from "openai";
import { embeddingKey, safeGet, safeSet } from "./cache.ts";
import { callModel } from "./openai-call.ts";
import type { CallOptions, KeyValueCache, LlmLogger } from "./types.ts";

export interface EmbedderSettings {
  client: OpenAI;
  model: string;
  cache: KeyValueCache;
  batchSize: number;
  budgetMs: number;
  maxAttempts: number;
  logger: LlmLogger;
}

const isVector = (value: unknown): value is number[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((x) => typeof x === "number" && Number.isFinite(x));

/** One request for `batch`; null unless it returned one well-formed vector per text. */
async function requestBatch(
  settings: EmbedderSettings,
  batch: readonly string[],
  options: CallOptions,
  budgetMs: number,
): Promise<number[][] | null> {
  const response = await callModel(
    {
      label: "embeddings",
      budgetMs,
      signal: options.signal,
      maxAttempts: settings.maxAttempts,
      logger: settings.logger,
    },
    (signal, timeout) =>
      settings.client.embeddings.create(
        // "float" explicitly: the client otherwise asks for base64, which not every
        // OpenAI-compatible server implements.
        { model: settings.model, input: [...batch], encoding_format: "float" },
        { signal, timeout },
      ),
  );
  if (!response) return null;
  const vectors: number[][] = new Array(batch.length);
  for (const [position, item] of response.data.entries()) {
    const index = Number.isInteger(item.index) ? item.index : position;
    if (index < 0 || index >= batch.length || !isVector(item.embedding)) return null;
    vectors[index] = item.embedding;
  }
  const dimension = vectors[0]?.length;
  for (let i = 0; i < batch.length; i++) {
    if (vectors[i]?.length !== dimension) {
      settings.logger.warn("model embeddings: reply does not match the request; ignoring it", {
        expected: batch.length,
        received: response.data.length,
      });
      return null;
    }
  }
  return vectors;
}

/**
 * Vectors for `texts` in order. Cached texts cost nothing; the rest go out in batches, all
 * within one budget. Null when any batch fails (partial results would skew a ranking).
 */
export async function embedTexts(
  settings: EmbedderSettings,
  texts: readonly string[],
  options: CallOptions = {},
): Promise<number[][] | null> {
  const deadline = Date.now() + (options.budgetMs ?? settings.budgetMs);
  const known = new Map<string, number[]>();
  for (const text of new Set(texts)) {
    const cached = await safeGet(settings.cache, embeddingKey(settings.model, text));
    if (isVector(cached)) known.set(text, cached);
  }
  const missing = [...new Set(texts)].filter((text) => !known.has(text));
  for (let start = 0; start < missing.length; start += settings.batchSize) {
    const batch = missing.slice(start, start + settings.batchSize);
    const remaining = deadline - Date.now();
    if (remaining <= 0) return null;
    const vectors = await requestBatch(settings, batch, options, remaining);
    if (!vectors) return null;
    for (const [i, text] of batch.entries()) {
      const vector = vectors[i] as number[];
      known.set(text, vector);
      await safeSet(settings.cache, embeddingKey(settings.model, text), vector);
    }
  }
  return texts.map((text) => known.get(text) as number[]);
}
