// Sources at runtime: add a page by URL (or pasted text), refresh or remove it. The order of
// an add is what keeps a failure from losing anything: fetch and extract (nothing changed
// yet), index in memory, then write the store record in one step; if the write fails the
// in-memory change is undone. A crash before the write leaves no trace; after it, every
// replica (replica-sync.ts) and the next start index the record. The listing is
// source-list.ts; what an added source is in the ledger, added-source.ts.

import path from "node:path";
import type { SourceDocument } from "../corpus/types.ts";
import type { Store, StoredSource } from "../store/index.ts";
import {
  addedIdOf,
  fileOf,
  type IndexedSource,
  normalUrl,
  recordFrom,
  sourceFile,
} from "./added-source.ts";
import { SourceError } from "./errors.ts";
import { type ExtractedArticle, extractArticle } from "./extract.ts";
import { type FetchOptions, fetchPage, parseSourceUrl } from "./fetch-page.ts";
import { readFolderFile } from "./folder-file.ts";
import type { LiveCorpus } from "./live-corpus.ts";
import { SYNC_DEFAULTS, startReplicaSync } from "./replica-sync.ts";
import { createSourceListing, type SourceChangeResult, type SourceSummary } from "./source-list.ts";
import { shortHash, textHash } from "./text-hash.ts";

export { ADDED_PREFIX } from "./added-source.ts";
export type { SourceChangeResult, SourceSummary, TopicBearing } from "./source-list.ts";
export { bearingOf } from "./source-list.ts";

export const SOURCES_DEFAULTS = SYNC_DEFAULTS;

export type AddInput =
  | { url: string }
  | { text: string; title?: string; url?: string; outlet?: string; author?: string; date?: string };

export interface ChangeOptions {
  /** Told "Fetching…" and "Indexing…" as the work goes. */
  progress?: (message: string) => Promise<void> | void;
  addedBy?: string;
}

export interface SourceManager {
  list(): SourceSummary[];
  add(input: AddInput, options?: ChangeOptions): Promise<SourceChangeResult>;
  /** Fetches an added source's URL again (or re-reads a folder file) and re-indexes it. */
  refresh(id: string, options?: ChangeOptions): Promise<SourceChangeResult>;
  remove(id: string): Promise<SourceSummary>;
  /** Indexes what the store holds that this replica has not indexed yet, and drops the rest. */
  sync(): Promise<void>;
  /** Stops polling the store. */
  close(): void;
}

export interface SourceManagerOptions {
  live: LiveCorpus;
  store: Store;
  fetch?: FetchOptions;
  /** The folder, for the date a folder file was added; absent in tests without one. */
  corpusDir?: string;
  now?: () => Date;
  /** Poll the store for other replicas' changes every pollMs; 0 turns polling off. */
  pollMs?: number;
  /** Reconcile with the store's whole list every fullCheckMs while polling; 0: never. */
  fullCheckMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
  /** Topic labels for the bearing ("$TAO"); defaults to the topic ids. */
  topicLabel?: (id: string) => string;
}

export async function createSourceManager(options: SourceManagerOptions): Promise<SourceManager> {
  const { live, store } = options;
  const now = options.now ?? (() => new Date());
  /** The added sources this replica has indexed, by id (text left out: the ledger has it). */
  const indexed = new Map<string, IndexedSource>();
  // One change at a time in this process: duplicate checks and the ledger swap stay ordered.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };
  const listing = createSourceListing({
    live,
    indexed,
    ...(options.corpusDir ? { corpusDir: options.corpusDir } : {}),
    topicLabel: options.topicLabel ?? ((id: string) => id),
  });
  const replicas = startReplicaSync({
    live,
    store,
    indexed,
    serially,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    ...(options.fullCheckMs === undefined ? {} : { fullCheckMs: options.fullCheckMs }),
    ...(options.log ? { log: options.log } : {}),
  });

  const documentOf = (id: string) => {
    const ledger = live.ledger();
    return (
      ledger.documents.find((d) => d.file === fileOf(id)) ??
      ledger.documents.find((d) => d.id === id)
    );
  };

  function checkDuplicate(candidate: { url?: string; hash: string }, except?: string) {
    const url = candidate.url && normalUrl(candidate.url);
    for (const doc of live.ledger().documents) {
      if (doc.file === (except && fileOf(except))) continue;
      if (url && doc.url && normalUrl(doc.url) === url)
        throw new SourceError(
          "duplicate-url",
          `That page is already a source ("${doc.title}"), so it was not added again.`,
        );
      if (hashOf(doc) === candidate.hash)
        throw new SourceError(
          "duplicate-text",
          `That text is already a source ("${doc.title}"), so it was not added again.`,
        );
    }
  }

  /** Indexes `record`, then writes it; undoes the indexing when the write fails. */
  async function commit(record: StoredSource, previous: StoredSource | undefined) {
    const applied = live.apply({ put: [sourceFile(record)] });
    try {
      await store.sources.set(record.id, record);
    } catch (error) {
      live.apply(previous ? { put: [sourceFile(previous)] } : { remove: [fileOf(record.id)] });
      options.log?.warn(`Sources: could not store ${record.id} (${String(error)}).`);
      throw new SourceError(
        "unavailable",
        "The source could not be saved, so it was not added; please try again.",
      );
    }
    const { text: _text, ...meta } = record;
    indexed.set(record.id, meta);
    await replicas.bumpVersion();
    return listing.result(fileOf(record.id), applied);
  }

  async function fetched(url: string, progress: ChangeOptions["progress"]) {
    await progress?.("Fetching…");
    const page = await fetchPage(url, options.fetch);
    return { article: extractArticle(page), finalUrl: page.url };
  }

  async function add(input: AddInput, change: ChangeOptions) {
    const addedAt = now().toISOString();
    let article: ExtractedArticle;
    let url: string | undefined;
    if ("text" in input) {
      const { text, ...rest } = input;
      article = { ...rest, text: text.replace(/\r\n?/g, "\n") };
      if (!/\p{L}/u.test(text))
        throw new SourceError("no-article", "That text has no words, so nothing was added.");
      url = input.url;
    } else {
      url = parseSourceUrl(input.url).href;
      checkDuplicate({ url, hash: "" });
      const page = await fetched(url, change.progress);
      article = page.article;
      url = page.finalUrl;
    }
    const record = recordFrom(
      url ? `web-${shortHash(normalUrl(url))}` : `text-${shortHash(textHash(article.text))}`,
      article,
      {
        ...(url ? { url } : {}),
        ...(change.addedBy ? { addedBy: change.addedBy } : {}),
        addedAt,
      },
    );
    checkDuplicate({ ...(url ? { url } : {}), hash: record.textHash });
    await change.progress?.("Indexing…");
    return commit(record, undefined);
  }

  async function refresh(id: string, change: ChangeOptions) {
    const doc = documentOf(id);
    if (!doc) throw unknown(id);
    const recordId = addedIdOf(doc.file);
    const previous = recordId === undefined ? undefined : await store.sources.get(recordId);
    if (!previous) {
      // A folder file: read it again from disk.
      if (!options.corpusDir) throw unknown(id);
      await change.progress?.("Indexing…");
      const relative = doc.file.split("/").slice(1).join(path.sep);
      const file = await readFolderFile(options.corpusDir, relative);
      if (file === "missing" || "reason" in file)
        throw new SourceError(
          "unavailable",
          `${doc.file} cannot be read any more${file === "missing" ? "" : `: ${file.reason}`}.`,
        );
      return listing.result(doc.file, live.apply({ put: [file] }));
    }
    if (!previous.url)
      throw new SourceError(
        "not-removable",
        "That source was pasted, not fetched, so there is nothing to refresh: remove it and add it again.",
      );
    const { article, finalUrl } = await fetched(previous.url, change.progress);
    const record = {
      ...recordFrom(previous.id, article, { url: finalUrl, addedAt: previous.addedAt }),
      ...(previous.addedBy ? { addedBy: previous.addedBy } : {}),
    };
    checkDuplicate({ hash: record.textHash }, previous.id);
    await change.progress?.("Indexing…");
    return commit(record, previous);
  }

  async function remove(id: string) {
    const doc = documentOf(id);
    if (!doc) throw unknown(id);
    const recordId = addedIdOf(doc.file);
    if (recordId === undefined)
      throw new SourceError(
        "not-removable",
        `${doc.file} is a file in the corpus folder: delete the file there and it leaves the index.`,
      );
    const before = listing.summary(doc);
    // The store first: if this fails nothing changed; once it is gone, every replica drops it.
    await store.sources.delete(recordId);
    await replicas.bumpVersion();
    live.apply({ remove: [doc.file] });
    indexed.delete(recordId);
    return before;
  }

  await serially(replicas.sync);
  return {
    list: () => listing.list(),
    add: (input, change = {}) => serially(() => add(input, change)),
    refresh: (id, change = {}) => serially(() => refresh(id, change)),
    remove: (id) => serially(() => remove(id)),
    sync: () => serially(replicas.sync),
    close: () => replicas.close(),
  };
}

function unknown(id: string): SourceError {
  return new SourceError(
    "unknown-source",
    `No source has the id "${id.slice(0, 80)}": /thesis sources lists them.`,
  );
}

const hashes = new WeakMap<SourceDocument, string>();
function hashOf(doc: SourceDocument): string {
  let hash = hashes.get(doc);
  if (!hash) {
    hash = textHash(doc.text);
    hashes.set(doc, hash);
  }
  return hash;
}
