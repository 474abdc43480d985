// After sources change at runtime, the ledger is brought up to date off the reply's path:
// topics are discovered again over the changed corpus (LiveCorpus.retopic; ~0.1 s on 10 MB,
// and a re-index only when they differ), then the ledger is saved as DATA_DIR/index/
// ledger.json, so the CLI and the next start read the sources as they are now. Changes that
// come close together are kept once, a short while after the last.
import { writeIndex } from "../corpus/index-file.ts";
import type { Ledger } from "../corpus/ledger.ts";
import { ADDED_PREFIX } from "./added-source.ts";
import type { LiveCorpus, Retopicked } from "./live-corpus.ts";

export const KEEP_DEFAULTS = {
  /** Defaults to 200 ms after the last change: a folder copied in is kept once. */
  delayMs: 200,
};

export interface LedgerKeeperOptions {
  /** Where the ledger is saved; null keeps topics up to date without saving. */
  indexFile: string | null;
  /** The corpus hash of folder files (OpenedLedger.folderHash). */
  folderHash: (files: readonly { file: string; text: string }[]) => string;
  delayMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
  /** Told after each keep (tests wait on it). */
  onKept?: (kept: KeptLedger) => void;
}

export interface KeptLedger extends Retopicked {
  /** Whether ledger.json was written. */
  saved: boolean;
  saveMs: number;
}

export interface LedgerKeeper {
  /** Keeps the ledger now if a change is waiting; settles when it is kept. */
  flush(): Promise<void>;
  close(): void;
}

export function keepLedger(live: LiveCorpus, options: LedgerKeeperOptions): LedgerKeeper {
  const delayMs = options.delayMs ?? KEEP_DEFAULTS.delayMs;
  let timer: NodeJS.Timeout | undefined;
  let waiting = false;
  let running: Promise<void> = Promise.resolve();

  const keep = async () => {
    if (!waiting) return;
    waiting = false;
    const topics = live.retopic();
    if (topics.changed)
      options.log?.info(
        `Topics: discovered again after a change (${topics.topics} topics; claims re-read in ${Math.round(topics.reindexMs)} ms).`,
      );
    const started = performance.now();
    let saved = false;
    if (options.indexFile) {
      try {
        await writeIndex(options.indexFile, savable(live.ledger(), options.folderHash));
        saved = true;
      } catch (error) {
        options.log?.warn(`Could not save the index at ${options.indexFile} (${String(error)}).`);
      }
    }
    options.onKept?.({ ...topics, saved, saveMs: performance.now() - started });
  };
  const run = () => {
    timer = undefined;
    running = running.then(keep, keep);
    return running;
  };

  const unsubscribe = live.subscribe(() => {
    waiting = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  });
  return {
    flush() {
      if (timer) clearTimeout(timer);
      return run();
    },
    close() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}

/**
 * The ledger with the hash of the folder files it holds (added sources live in the store and
 * are not part of it): the next start reuses it while the folder is unchanged, then indexes
 * what the store holds against it.
 */
function savable(ledger: Ledger, folderHash: LedgerKeeperOptions["folderHash"]): Ledger {
  const folder = ledger.documents
    .filter((d) => !d.file.startsWith(ADDED_PREFIX))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ...ledger, corpusHash: folderHash(folder) };
}
