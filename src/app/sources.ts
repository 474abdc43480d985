// Sources at runtime for the running bot: the manager behind `/thesis sources add|remove|
// refresh` (its store shared by every replica) and the watch on CORPUS_DIR.
import type { Config } from "../config.ts";
import type { OpenedLedger } from "../corpus/index-file.ts";
import { topicLabel } from "../corpus/topics.ts";
import { keepLedger } from "../sources/keep-ledger.ts";
import type { LiveCorpus } from "../sources/live-corpus.ts";
import { createSourceManager, type SourceManager } from "../sources/manager.ts";
import { watchFolder } from "../sources/watch-folder.ts";
import type { Store } from "../store/index.ts";
import type { AppLog } from "./log.ts";
import { indexFileOf } from "./open-thesis.ts";

export interface StartedSources {
  manager: SourceManager;
  close(): void;
}

export function sourceFetchOptions(config: Config) {
  return {
    allowPrivate: config.SOURCES_ALLOW_PRIVATE,
    maxBytes: config.SOURCES_MAX_BYTES,
    timeoutMs: config.SOURCES_TIMEOUT_MS,
  };
}

export async function startSources(
  config: Config,
  opened: { live: LiveCorpus; folderHash: OpenedLedger["folderHash"] },
  store: Store,
  log: AppLog,
  options: { watch?: boolean; pollMs?: number } = {},
): Promise<StartedSources> {
  const { live } = opened;
  // Started first, so the sources the store holds are in the ledger it saves.
  const keeper = keepLedger(live, {
    indexFile: indexFileOf(config),
    folderHash: opened.folderHash,
    log,
  });
  const manager = await createSourceManager({
    live,
    store,
    corpusDir: config.CORPUS_DIR,
    fetch: sourceFetchOptions(config),
    log,
    topicLabel,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  const added = manager.list().filter((s) => s.origin === "chat").length;
  if (added > 0) log.info(`Sources: ${added} added at runtime, indexed from the store.`);
  const watch =
    (options.watch ?? config.CORPUS_WATCH) ? watchFolder(config.CORPUS_DIR, live, { log }) : null;
  return {
    manager,
    close() {
      manager.close();
      watch?.close();
      keeper.close();
    },
  };
}
