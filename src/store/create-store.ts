// The one place that decides where state lives: an embedded SQLite file under dataDir by
// default (no setup), or Redis when redisUrl is given so several replicas share state.
// Everything above this file sees the same typed, namespaced accessors either way.
import { mkdirSync } from "node:fs";
import path from "node:path";
import KeyvRedis from "@keyv/redis";
import KeyvSqlite from "@keyv/sqlite";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import type { AtomicStore } from "./atomic.ts";
import { createRecordCollection, type RecordCollection } from "./records.ts";
import { createRedisAtomicStore, type RedisCommands } from "./redis-atomic.ts";
import { closeRedis, connectRedis } from "./redis-connection.ts";
import { createSqliteAtomicStore, type SqlQuery } from "./sqlite-atomic.ts";
import { openSqliteChecked, unreadable } from "./sqlite-file.ts";
import type {
  AnswerFeedback,
  ChatInstallation,
  DigestHistoryEntry,
  DigestSubscription,
  GuildSettings,
  RotationState,
  StoredSource,
} from "./types.ts";

export interface StoreOptions {
  /** Folder for the SQLite file; created if missing. Ignored when redisUrl is set. */
  dataDir: string;
  redisUrl?: string;
  /** Prefix of every key (Redis) or namespace (SQLite); lets tests and deployments share a server. */
  keyPrefix?: string;
  /** How long the first Redis connection may take (default 3 s). */
  redisConnectMs?: number;
}

export interface Store {
  readonly backend: "sqlite" | "redis";
  /** Keyed by guild or workspace id. */
  settings: RecordCollection<GuildSettings>;
  /** Keyed by channelKey(channel). */
  subscriptions: RecordCollection<DigestSubscription>;
  /** The last digest posted per channel, keyed by channelKey(channel). */
  digestHistory: RecordCollection<DigestHistoryEntry>;
  /** Keyed by whatever the composer rotates over (e.g. a channel key). */
  rotation: RecordCollection<RotationState>;
  /** Keyed by `${answerKey}:${userId}`, so a user's second vote replaces the first. */
  feedback: RecordCollection<AnswerFeedback>;
  /** Sources added at runtime, keyed by source id (see src/sources). */
  sources: RecordCollection<StoredSource>;
  /** OAuth installations (Slack for many workspaces), keyed by the adapter's installation key. */
  installations: RecordCollection<ChatInstallation>;
  /** Claims and counters that must be atomic across replicas (digest posts, rate limits). */
  atomic: AtomicStore;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = "thesis-bot.sqlite";
const DEFAULT_PREFIX = "thesis-bot";

type CollectionName =
  | "settings"
  | "subscriptions"
  | "digestHistory"
  | "rotation"
  | "feedback"
  | "sources"
  | "installations";

export async function createStore(options: StoreOptions): Promise<Store> {
  const prefix = options.keyPrefix ?? DEFAULT_PREFIX;
  return options.redisUrl
    ? createRedisStore(options.redisUrl, prefix, options.redisConnectMs)
    : createSqliteStore(options.dataDir, prefix);
}

function collections(
  makeKeyv: (name: CollectionName) => Keyv,
): Omit<Store, "backend" | "atomic" | "close"> {
  return {
    settings: createRecordCollection<GuildSettings>("settings", makeKeyv("settings")),
    subscriptions: createRecordCollection<DigestSubscription>(
      "subscriptions",
      makeKeyv("subscriptions"),
    ),
    digestHistory: createRecordCollection<DigestHistoryEntry>(
      "digestHistory",
      makeKeyv("digestHistory"),
    ),
    rotation: createRecordCollection<RotationState>("rotation", makeKeyv("rotation")),
    feedback: createRecordCollection<AnswerFeedback>("feedback", makeKeyv("feedback")),
    sources: createRecordCollection<StoredSource>("sources", makeKeyv("sources")),
    installations: createRecordCollection<ChatInstallation>(
      "installations",
      makeKeyv("installations"),
    ),
  };
}

async function createSqliteStore(dataDir: string, prefix: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const uri = `sqlite://${file}`;
  const holds = "the store of settings and digest subscriptions";
  // Checked first: a corrupt file is one sentence here, not a rejection in every collection.
  const atomicConnection = await openSqliteChecked(file, holds);
  // Each Keyv owns its adapter (Keyv writes its namespace into the adapter), so each
  // collection has its own connection to the one file; busyTimeout makes them wait, not fail.
  const adapters: KeyvSqlite[] = [];
  const makeKeyv = (name: CollectionName) => {
    const adapter = new KeyvSqlite({ uri, busyTimeout: 10_000 });
    adapters.push(adapter);
    return new Keyv({
      store: adapter as unknown as KeyvStoreAdapter,
      namespace: `${prefix}:${name}`,
      throwOnErrors: true,
    });
  };
  const parts = collections(makeKeyv);
  // The checked connection is used only for its query(): the atomic table lives in the same file.
  adapters.push(atomicConnection);
  const atomic = await createSqliteAtomicStore(atomicConnection.query as SqlQuery).catch(
    async (error) => {
      await Promise.all(adapters.map((adapter) => adapter.disconnect().catch(() => {})));
      throw unreadable(error, file, holds);
    },
  );
  return {
    backend: "sqlite",
    ...parts,
    atomic: prefixed(atomic, `${prefix}:`),
    close: once(() => Promise.all(adapters.map((adapter) => adapter.disconnect())).then(() => {})),
  };
}

async function createRedisStore(
  redisUrl: string,
  prefix: string,
  firstConnectMs?: number,
): Promise<Store> {
  const client = await connectRedis(redisUrl, {
    ...(firstConnectMs === undefined ? {} : { firstConnectMs }),
  });
  const makeKeyv = (name: CollectionName) =>
    new Keyv({
      store: new KeyvRedis(client, { throwOnErrors: true }) as unknown as KeyvStoreAdapter,
      namespace: `${prefix}:${name}`,
      // KeyvRedis prefixes keys itself; letting Keyv prefix too would double the namespace.
      useKeyPrefix: false,
      throwOnErrors: true,
    });
  return {
    backend: "redis",
    ...collections(makeKeyv),
    atomic: createRedisAtomicStore(client as unknown as RedisCommands, `${prefix}:atomic:`),
    // The collections share this client, so it is closed once, here.
    close: once(async () => {
      await closeRedis(client);
    }),
  };
}

function prefixed(atomic: AtomicStore, prefix: string): AtomicStore {
  return {
    setIfAbsent: (key, value, ttl) => atomic.setIfAbsent(prefix + key, value, ttl),
    get: (key) => atomic.get(prefix + key),
    compareAndSet: (key, expected, next, ttl) =>
      atomic.compareAndSet(prefix + key, expected, next, ttl),
    increment: (key, ttl) => atomic.increment(prefix + key, ttl),
    delete: (key) => atomic.delete(prefix + key),
  };
}

/** close() may be called by several owners (main, tests); only the first does the work. */
function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= action();
    return done;
  };
}
