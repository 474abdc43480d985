// Keeps this replica's added sources in step with the store's. Every change bumps a version
// counter in the store; each replica polls it and, when it moved, indexes the records it
// lacks (or whose text changed) and drops the ones that are gone. Every fullCheckMs it
// reconciles with the whole list whatever the counter says: a replica that died between
// writing a record and bumping the counter is caught up with that way.
import type { Store } from "../store/index.ts";
import { ADDED_PREFIX, fileOf, type IndexedSource, sourceFile } from "./added-source.ts";
import type { LiveCorpus } from "./live-corpus.ts";

const VERSION_KEY = "sources:version";
/** The version counter outlives any deployment; it only has to change on every change. */
const VERSION_TTL_MS = 10 * 365 * 24 * 3600 * 1000;

export const SYNC_DEFAULTS = {
  /** Defaults to 1 s: how often a replica checks the store for sources added elsewhere. */
  pollMs: 1_000,
  /**
   * Defaults to 30 s: how often a replica compares its sources with the store's whole list,
   * even when the version counter did not move (a writer may have died before bumping it).
   */
  fullCheckMs: 30_000,
};

export interface ReplicaSyncOptions {
  live: LiveCorpus;
  store: Store;
  /** The added sources this replica has indexed, by id; sync keeps it up to date. */
  indexed: Map<string, IndexedSource>;
  /** Runs work after the manager's other changes, one at a time. */
  serially: <T>(work: () => Promise<T>) => Promise<T>;
  /** 0 turns polling off. */
  pollMs?: number;
  /** 0: never a full check. */
  fullCheckMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
}

export interface ReplicaSync {
  /** Indexes what the store holds that this replica has not indexed yet, and drops the rest. */
  sync(): Promise<void>;
  /** Tells the other replicas of a change this one stored. Never throws. */
  bumpVersion(): Promise<void>;
  close(): void;
}

export function startReplicaSync(options: ReplicaSyncOptions): ReplicaSync {
  const { live, store, indexed, serially, log } = options;
  let seenVersion: string | undefined;

  async function sync() {
    const version = await store.atomic.get(VERSION_KEY);
    const records = await store.sources.list();
    seenVersion = version;
    const wanted = new Map(records.map((r) => [r.id, r.value]));
    const put = [...wanted.values()].filter((r) => indexed.get(r.id)?.textHash !== r.textHash);
    // A saved ledger (keep-ledger.ts) may hold added sources removed since it was written.
    const held = live
      .ledger()
      .documents.filter((d) => d.file.startsWith(ADDED_PREFIX))
      .map((d) => d.file.slice(ADDED_PREFIX.length));
    const gone = [...new Set([...indexed.keys(), ...held])].filter((id) => !wanted.has(id));
    if (put.length === 0 && gone.length === 0) return;
    const applied = live.apply({ put: put.map(sourceFile), remove: gone.map(fileOf) });
    for (const id of gone) indexed.delete(id);
    for (const { text: _text, ...meta } of put) indexed.set(meta.id, meta);
    log?.info(
      `Sources: ${put.length} added or changed, ${gone.length} removed from the store (${applied.added.length} claims, indexed in ${Math.round(applied.ms)} ms).`,
    );
  }

  /** The record is stored by now, so a failure here loses nothing: the full check finds it. */
  async function bumpVersion() {
    try {
      seenVersion = String(await store.atomic.increment(VERSION_KEY, VERSION_TTL_MS));
    } catch (error) {
      log?.warn(
        `Sources: could not bump ${VERSION_KEY} (${String(error)}); other replicas see the change at their next full check.`,
      );
    }
  }

  const pollMs = options.pollMs ?? SYNC_DEFAULTS.pollMs;
  const fullCheckMs = options.fullCheckMs ?? SYNC_DEFAULTS.fullCheckMs;
  let polling = false;
  let fullCheckedAt = performance.now();
  const fullCheckDue = () => fullCheckMs > 0 && performance.now() - fullCheckedAt >= fullCheckMs;
  const timer =
    pollMs > 0
      ? setInterval(() => {
          if (polling) return;
          polling = true;
          store.atomic
            .get(VERSION_KEY)
            .then((version) => {
              if (version === seenVersion && !fullCheckDue()) return undefined;
              fullCheckedAt = performance.now();
              return serially(sync);
            })
            .catch((error: unknown) =>
              log?.warn(`Sources: could not check the store (${String(error)}).`),
            )
            .finally(() => {
              polling = false;
            });
        }, pollMs)
      : undefined;
  timer?.unref();

  return {
    sync,
    bumpVersion,
    close: () => {
      if (timer) clearInterval(timer);
    },
  };
}
