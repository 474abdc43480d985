// Where model results (embeddings, claim labels) outlive the process: a SQLite file of its own
// under DATA_DIR, or a namespace on the shared Redis when REDIS_URL is set. Kept apart from the
// bot's store because it is a pure cache: deleting it costs requests, never state.
import { mkdirSync } from "node:fs";
import path from "node:path";
import KeyvRedis from "@keyv/redis";
import KeyvSqlite from "@keyv/sqlite";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import type { KeyValueCache } from "./types.ts";

export const MODEL_CACHE_FILE = "model-cache.sqlite";
const NAMESPACE = "thesis-bot:model-cache";

export interface PersistentCache extends KeyValueCache {
  close(): Promise<void>;
}

export function openModelCache(settings: { dataDir: string; redisUrl?: string }): PersistentCache {
  let keyv: Keyv;
  if (settings.redisUrl) {
    keyv = new Keyv({
      store: new KeyvRedis(settings.redisUrl) as unknown as KeyvStoreAdapter,
      namespace: NAMESPACE,
      useKeyPrefix: false,
    });
  } else {
    mkdirSync(settings.dataDir, { recursive: true });
    const uri = `sqlite://${path.join(settings.dataDir, MODEL_CACHE_FILE)}`;
    const adapter = new KeyvSqlite({ uri, busyTimeout: 10_000 });
    // A cache may lose its last writes on a power cut; it must not fsync once per vector
    // (hundreds per corpus), which made the first start-up take seconds on slow disks.
    for (const pragma of ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"]) {
      adapter.query(pragma).catch(() => {});
    }
    keyv = new Keyv({ store: adapter as unknown as KeyvStoreAdapter, namespace: NAMESPACE });
  }
  // A broken cache must not crash the bot; callers read it through safeGet/safeSet anyway.
  keyv.on("error", () => {});
  let closed: Promise<void> | undefined;
  return {
    get: (key) => keyv.get(key),
    set: (key, value) => keyv.set(key, value),
    close: () => {
      closed ??= keyv.disconnect().catch(() => {});
      return closed;
    },
  };
}
