// Cache keys for model results. A key names the operation, a format version, the model and a
// hash of the input text, so a new model or a changed text asks again and nothing else does.
import { createHash } from "node:crypto";
import type { KeyValueCache } from "./types.ts";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export const classificationKey = (model: string, text: string) =>
  `llm:classify:v1:${model}:${sha256(text)}`;

export const embeddingKey = (model: string, text: string) =>
  `llm:embed:v1:${model}:${sha256(text)}`;

/** A process-local cache for when the caller provides none. */
export function createMemoryCache(): KeyValueCache {
  const entries = new Map<string, unknown>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
  };
}

/** Reads a cache without letting a broken store fail the call: a miss is always safe. */
export async function safeGet(cache: KeyValueCache, key: string): Promise<unknown> {
  try {
    return await cache.get(key);
  } catch {
    return undefined;
  }
}

export async function safeSet(cache: KeyValueCache, key: string, value: unknown): Promise<void> {
  try {
    await cache.set(key, value);
  } catch {
    // A write that fails costs one repeated request later, nothing more.
  }
}
