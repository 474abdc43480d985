// Watches CORPUS_DIR so a file added, changed or removed there is indexed within seconds,
// without a restart: only that file is read and re-indexed (LiveCorpus.apply). Node's own
// fs.watch (recursive, which Node 20 supports on Linux, macOS and Windows) is enough here:
// events are only a hint to look at one file, which is then read and compared with what the
// ledger holds, so duplicate or coalesced events do no harm and no polling library is needed.
import { type FSWatcher, watch } from "node:fs";
import path from "node:path";
import { ARTICLE_FILE, citedPath, readFolderFile } from "./folder-file.ts";
import type { LiveCorpus } from "./live-corpus.ts";

export const WATCH_DEFAULTS = {
  /** Defaults to 300 ms: editors write a file in several steps; index it once they are done. */
  debounceMs: 300,
};

export interface FolderWatchOptions {
  debounceMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
  /** Told after each file was indexed or dropped (tests wait on it). */
  onIndexed?: (file: string, change: "indexed" | "removed" | "unchanged" | "skipped") => void;
}

export interface FolderWatch {
  close(): void;
}

export function watchFolder(
  corpusDir: string,
  live: LiveCorpus,
  options: FolderWatchOptions = {},
): FolderWatch {
  const debounceMs = options.debounceMs ?? WATCH_DEFAULTS.debounceMs;
  const pending = new Map<string, NodeJS.Timeout>();
  let closed = false;

  async function reindex(relative: string): Promise<void> {
    const file = citedPath(corpusDir, relative);
    const known = live.ledger().documents.find((d) => d.file === file);
    const read = await readFolderFile(corpusDir, relative);
    if (closed) return;
    if (read === "missing" || "reason" in read) {
      if (read !== "missing") options.log?.warn(`Corpus: skipped ${file}: ${read.reason}.`);
      if (!known) return options.onIndexed?.(file, "skipped");
      const applied = live.apply({ remove: [file] });
      options.log?.info(`Corpus: ${file} removed (${applied.removed.length} claims).`);
      return options.onIndexed?.(file, "removed");
    }
    const current = live.ledger().documents.find((d) => d.file === file);
    if (current?.text === read.raw.text) return options.onIndexed?.(file, "unchanged");
    const applied = live.apply({ put: [read] });
    options.log?.info(
      `Corpus: ${file} ${known ? "re-indexed" : "added"} (${applied.added.length} claims in ${Math.round(applied.ms)} ms).`,
    );
    for (const warning of applied.warnings) options.log?.warn(`Corpus: ${warning}`);
    options.onIndexed?.(file, "indexed");
  }

  const watcher: FSWatcher = watch(corpusDir, { recursive: true }, (_event, name) => {
    if (!name) return;
    const relative = name.toString();
    if (!ARTICLE_FILE.test(relative) || relative.split(path.sep).some((p) => p.startsWith(".")))
      return;
    clearTimeout(pending.get(relative));
    pending.set(
      relative,
      setTimeout(() => {
        pending.delete(relative);
        reindex(relative).catch((error: unknown) =>
          options.log?.warn(`Corpus: could not index ${relative} (${String(error)}).`),
        );
      }, debounceMs),
    );
  });
  watcher.on("error", (error) =>
    options.log?.warn(
      `Corpus: watching ${corpusDir} stopped (${String(error)}); restart to pick up changes.`,
    ),
  );
  return {
    close() {
      closed = true;
      watcher.close();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
