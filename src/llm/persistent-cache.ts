// Where model results (embeddings, claim labels) outlive the process: a SQLite file of its own
// under DATA_DIR, or a namespace on the shared Redis when REDIS_URL is set. Kept apart from the
// bot's store because it is a pure cache: deleting it costs requests, never state.
import { mkdirSync } from "node:fs";
import path from "node:path";
import KeyvRedis from "@keyv/redis";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import { closeRedis, connectRedis, type RedisClient } from "../store/redis-connection.ts";
import { openSqliteChecked } from "../store/sqlite-file.ts";
import type { KeyValueCache } from "./types.ts";

export const MODEL_CACHE_FILE = "model-cache.sqlite";
const NAMESPACE = "thesis-bot:model-cache";

export interface PersistentCache extends KeyValueCache {
  close(): Promise<void>;
}

/** Throws a one-sentence error when Redis is unreachable or the SQLite file is not a database. */
export async function openModelCache(settings: {
  dataDir: string;
  redisUrl?: string;
}): Promise<PersistentCache> {
  let keyv: Keyv;
  let client: RedisClient | undefined;
  if (settings.redisUrl) {
    client = await connectRedis(settings.redisUrl);
    keyv = new Keyv({
      store: new KeyvRedis(client) as unknown as KeyvStoreAdapter,
      namespace: NAMESPACE,
      useKeyPrefix: false,
    });
  } else {
    mkdirSync(settings.dataDir, { recursive: true });
    const file = path.join(settings.dataDir, MODEL_CACHE_FILE);
    const adapter = await openSqliteChecked(file, "the model cache");
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
      closed ??= (client ? closeRedis(client) : keyv.disconnect()).catch(() => {});
      return closed;
    },
  };
}
