// Sources at runtime: add a page by URL (or pasted text), refresh or remove it, and keep every
// replica's ledger in step with the store. The order of an add is what keeps a failure from
// losing anything: fetch and extract (nothing changed yet), index in memory, then write the
// store record in one step; if the write fails the in-memory change is undone. A crash before
// the write leaves no trace; after it, every replica (and the next start) indexes the record.
// Replicas learn of a change from a version counter in the store that each one polls, and
// every fullCheckMs reconcile with the whole list whatever the counter says: a replica that
// died between writing a record and bumping the counter is caught up with that way.

import { statSync } from "node:fs";
import path from "node:path";
import type { SourceInfo } from "../answer/types.ts";
import { lineStartsOf } from "../corpus/lines.ts";
import type { Claim, SourceDocument } from "../corpus/types.ts";
import type { Store, StoredSource } from "../store/index.ts";
import { SourceError } from "./errors.ts";
import { type ExtractedArticle, extractArticle } from "./extract.ts";
import { type FetchOptions, fetchPage, parseSourceUrl } from "./fetch-page.ts";
import { readFolderFile } from "./folder-file.ts";
import type { AppliedChange, LiveCorpus, SourceFile } from "./live-corpus.ts";
import { shortHash, textHash } from "./text-hash.ts";

/** Where added sources are cited from: "added/<id>", beside "<corpus folder>/<file>". */
export const ADDED_PREFIX = "added/";
const VERSION_KEY = "sources:version";
/** The version counter outlives any deployment; it only has to change on every change. */
const VERSION_TTL_MS = 10 * 365 * 24 * 3600 * 1000;

export const SOURCES_DEFAULTS = {
  /** Defaults to 1 s: how often a replica checks the store for sources added elsewhere. */
  pollMs: 1_000,
  /**
   * Defaults to 30 s: how often a replica compares its sources with the store's whole list,
   * even when the version counter did not move (a writer may have died before bumping it).
   */
  fullCheckMs: 30_000,
};

/** A source as the ledger shows it, plus where it came from and when. */
export interface SourceSummary extends SourceInfo {
  date?: string;
  origin: "chat" | "folder";
  /** ISO 8601: when it was added (a folder file: when it was last written). */
  addedAt?: string;
}

export interface TopicBearing {
  topic: string;
  label: string;
  bull: number;
  bear: number;
  neutral: number;
}

export interface SourceChangeResult {
  source: SourceSummary;
  claims: number;
  risks: number;
  /** Per topic its claims name, how many lean bull, bear or neither; most claims first. */
  bearing: TopicBearing[];
  /** Indexing time (ledger and search index), not fetching. */
  indexMs: number;
}

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

type Meta = Omit<StoredSource, "text">;

export async function createSourceManager(options: SourceManagerOptions): Promise<SourceManager> {
  const { live, store } = options;
  const now = options.now ?? (() => new Date());
  const label = options.topicLabel ?? ((id: string) => id);
  /** The added sources this replica has indexed, by id (text left out: the ledger has it). */
  const indexed = new Map<string, Meta>();
  let seenVersion: string | undefined;
  // One change at a time in this process: duplicate checks and the ledger swap stay ordered.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };

  const fileOf = (id: string) => `${ADDED_PREFIX}${id}`;
  const documentOf = (id: string) => {
    const ledger = live.ledger();
    return (
      ledger.documents.find((d) => d.file === fileOf(id)) ??
      ledger.documents.find((d) => d.id === id)
    );
  };

  function sourceFile(record: StoredSource): SourceFile {
    return {
      raw: {
        file: fileOf(record.id),
        id: record.id,
        text: record.text,
        lineStarts: lineStartsOf(record.text),
      },
      meta: {
        title: record.title,
        ...(record.outlet ? { outlet: record.outlet } : {}),
        ...(record.author ? { author: record.author } : {}),
        ...(record.url ? { url: record.url } : {}),
      },
      stored: true,
    };
  }

  function claimCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of live.ledger().claims) counts.set(c.file, (counts.get(c.file) ?? 0) + 1);
    return counts;
  }

  function summary(doc: SourceDocument, counts = claimCounts()): SourceSummary {
    const id = doc.file.startsWith(ADDED_PREFIX) ? doc.file.slice(ADDED_PREFIX.length) : doc.id;
    const meta = doc.file.startsWith(ADDED_PREFIX) ? indexed.get(id) : undefined;
    return {
      id,
      file: doc.file,
      title: doc.title,
      ...(doc.outlet ? { outlet: doc.outlet } : {}),
      ...(doc.author ? { author: doc.author } : {}),
      ...(doc.url ? { url: doc.url } : {}),
      ...(meta?.date ? { date: meta.date } : {}),
      origin: meta ? "chat" : "folder",
      ...(meta ? { addedAt: meta.addedAt } : folderDate(doc.file)),
      lines: doc.lineStarts.length,
      claims: counts.get(doc.file) ?? 0,
    };
  }

  function folderDate(file: string): { addedAt?: string } {
    if (!options.corpusDir) return {};
    const relative = file.split("/").slice(1).join(path.sep);
    const stats = statSync(path.join(options.corpusDir, relative), { throwIfNoEntry: false });
    return stats ? { addedAt: stats.mtime.toISOString() } : {};
  }

  function result(file: string, applied: AppliedChange): SourceChangeResult {
    const doc = live.ledger().documents.find((d) => d.file === file);
    if (!doc) throw new Error(`${file} is not in the ledger after indexing it`);
    return {
      source: summary(doc),
      claims: applied.added.length,
      risks: applied.added.filter((c) => c.kind === "risk").length,
      bearing: bearingOf(applied.added, label),
      indexMs: applied.ms,
    };
  }

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
    await bumpVersion();
    return result(fileOf(record.id), applied);
  }

  /**
   * Tells the other replicas. The record is stored by now, so a failure here loses nothing:
   * they find it at their next full check.
   */
  async function bumpVersion() {
    try {
      seenVersion = String(await store.atomic.increment(VERSION_KEY, VERSION_TTL_MS));
    } catch (error) {
      options.log?.warn(
        `Sources: could not bump ${VERSION_KEY} (${String(error)}); other replicas see the change at their next full check.`,
      );
    }
  }

  async function fetched(url: string, progress: ChangeOptions["progress"]) {
    await progress?.("Fetching…");
    const page = await fetchPage(url, options.fetch);
    return { article: extractArticle(page), finalUrl: page.url };
  }

  function recordFrom(
    id: string,
    article: ExtractedArticle,
    extra: { url?: string; addedBy?: string; addedAt: string },
  ): StoredSource {
    const title =
      article.title ??
      article.text
        .split("\n")
        .find((l) => /\p{L}/u.test(l))
        ?.slice(0, 90) ??
      id;
    return {
      id,
      title,
      ...(extra.url ? { url: extra.url } : {}),
      ...(article.outlet ? { outlet: article.outlet } : {}),
      ...(article.author ? { author: article.author } : {}),
      ...(article.date ? { date: article.date } : {}),
      origin: "chat",
      addedAt: extra.addedAt,
      ...(extra.addedBy ? { addedBy: extra.addedBy } : {}),
      text: article.text,
      textHash: textHash(article.text),
    };
  }

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
    options.log?.info(
      `Sources: ${put.length} added or changed, ${gone.length} removed from the store (${applied.added.length} claims, indexed in ${Math.round(applied.ms)} ms).`,
    );
  }

  await serially(sync);
  const pollMs = options.pollMs ?? SOURCES_DEFAULTS.pollMs;
  const fullCheckMs = options.fullCheckMs ?? SOURCES_DEFAULTS.fullCheckMs;
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
              options.log?.warn(`Sources: could not check the store (${String(error)}).`),
            )
            .finally(() => {
              polling = false;
            });
        }, pollMs)
      : undefined;
  timer?.unref();

  return {
    list: () => {
      const counts = claimCounts();
      return live.ledger().documents.map((doc) => summary(doc, counts));
    },
    add: (input, change = {}) =>
      serially(async () => {
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
      }),
    refresh: (id, change = {}) =>
      serially(async () => {
        const doc = documentOf(id);
        if (!doc) throw unknown(id);
        const previous = doc.file.startsWith(ADDED_PREFIX)
          ? await store.sources.get(doc.file.slice(ADDED_PREFIX.length))
          : undefined;
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
          return result(doc.file, live.apply({ put: [file] }));
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
      }),
    remove: (id) =>
      serially(async () => {
        const doc = documentOf(id);
        if (!doc) throw unknown(id);
        if (!doc.file.startsWith(ADDED_PREFIX))
          throw new SourceError(
            "not-removable",
            `${doc.file} is a file in the corpus folder: delete the file there and it leaves the index.`,
          );
        const before = summary(doc);
        const recordId = doc.file.slice(ADDED_PREFIX.length);
        // The store first: if this fails nothing changed; once it is gone, every replica drops it.
        await store.sources.delete(recordId);
        await bumpVersion();
        live.apply({ remove: [doc.file] });
        indexed.delete(recordId);
        return before;
      }),
    sync: () => serially(sync),
    close: () => {
      if (timer) clearInterval(timer);
    },
  };
}

function unknown(id: string): SourceError {
  return new SourceError(
    "unknown-source",
    `No source has the id "${id.slice(0, 80)}": /thesis sources lists them.`,
  );
}

/** The same page however it was linked: no fragment, no trailing slash, host in lower case. */
function normalUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    return parsed.href.replace(/\/$/, "");
  } catch {
    return url;
  }
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

export function bearingOf(claims: readonly Claim[], label: (id: string) => string): TopicBearing[] {
  const byTopic = new Map<string, TopicBearing>();
  for (const claim of claims) {
    for (const topic of claim.topics) {
      const entry = byTopic.get(topic) ?? {
        topic,
        label: label(topic),
        bull: 0,
        bear: 0,
        neutral: 0,
      };
      entry[claim.stances[topic] ?? "neutral"]++;
      byTopic.set(topic, entry);
    }
  }
  return [...byTopic.values()].sort(
    (a, b) => b.bull + b.bear + b.neutral - (a.bull + a.bear + a.neutral),
  );
}
