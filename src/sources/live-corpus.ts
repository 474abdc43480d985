// The ledger and the answer service as sources come and go while the bot runs. One file
// added, changed or removed is indexed on its own (corpus/file-index) and merged into the
// ledger and the claim search index (answer/claim-index updateClaimIndex), never a rebuild
// of the whole corpus. A change's claims are read against the topics in force; `retopic`
// (run after the change by keep-ledger.ts, off the reply's path) discovers the topics of the
// changed corpus again and, only when they differ, re-reads every claim against them. Each
// change builds a new ledger and service and swaps them in whole, so a question is answered
// over one corpus, before or after the change, never half of it.

import { buildClaimIndex, updateClaimIndex } from "../answer/claim-index.ts";
import { type CorpusView, createCorpusView } from "../answer/corpus-view.ts";
import { createThesisService, type ThesisServiceOptions } from "../answer/service.ts";
import type { ThesisService } from "../answer/types.ts";
import { indexOneFile } from "../corpus/file-index.ts";
import type { IndexProgress, Ledger } from "../corpus/ledger.ts";
import type { RawFile } from "../corpus/load.ts";
import type { SourceEntry } from "../corpus/sources.ts";
import { discoverTopics } from "../corpus/topic-discovery.ts";
import { type TopicDefinition, useTopics } from "../corpus/topics.ts";
import type { Claim } from "../corpus/types.ts";
import type { SearchIndex } from "../search/index.ts";

/** A file to index: its text as read, and metadata the text does not carry. */
export interface SourceFile {
  raw: RawFile;
  meta?: Omit<SourceEntry, "id" | "file">;
  /**
   * The text lives in the store, not the folder (an added source): quotes from it are checked
   * against this text. Folder files are checked against the file on disk as it is now.
   */
  stored?: boolean;
}

export interface CorpusChange {
  /** Files added, or replacing the file of the same name. */
  put?: readonly SourceFile[];
  /** Files (as citations name them) to take out. */
  remove?: readonly string[];
}

export interface AppliedChange {
  /** Claims the change brought in, and those it took out. */
  added: Claim[];
  removed: Claim[];
  /** Time spent indexing (file, ledger, search index and service). */
  ms: number;
  /** Problems with a put file (no sentences after cleaning), each naming it. */
  warnings: string[];
}

export interface Retopicked {
  /** Whether the discovered topics differ from those in force (then every claim was re-read). */
  changed: boolean;
  topics: number;
  /** Time spent discovering, and re-indexing when the topics changed. */
  discoverMs: number;
  reindexMs: number;
  /** Files read again: those naming a topic that came or went. */
  files: number;
}

export interface LiveCorpus {
  /** Always answers over the current ledger; adapters may hold on to it. */
  readonly thesis: ThesisService;
  ledger(): Ledger;
  /** Lookups and the quote check over the current ledger (the hybrid search cites with it). */
  view(): CorpusView;
  apply(change: CorpusChange): AppliedChange;
  /** Calls `listener` after every applied change; returns a function that stops it. */
  subscribe(listener: (ledger: Ledger, applied: AppliedChange) => void): () => void;
  /**
   * Discovers the topics of the corpus as it is now (curated topics kept); when they differ
   * from those in force, the files naming a topic that came or went are indexed again
   * against them (incrementally, as `apply` does) and swapped in whole.
   */
  retopic(): Retopicked;
  /**
   * Takes the claims of `refined` (the same claims relabelled, e.g. by a model) as the ledger's
   * own: they answer from now on and survive later changes. A claim whose text changed since
   * keeps its current labels.
   */
  adopt(refined: ThesisService): void;
}

export interface LiveCorpusOptions extends Omit<ThesisServiceOptions, "claimIndex"> {
  /** Told after every change, with the new ledger (the CLI's progress, the tests' waits). */
  onChange?: (ledger: Ledger, applied: AppliedChange) => void;
  /** Told of each claim as the first search index is built (the console's progress bar). */
  onProgress?: IndexProgress;
}

export function createLiveCorpus(initial: Ledger, options: LiveCorpusOptions = {}): LiveCorpus {
  const { onChange, onProgress, sourceTexts: folderTexts, ...rest } = options;
  const listeners = new Set<(ledger: Ledger, applied: AppliedChange) => void>();
  if (onChange) listeners.add(onChange);
  const storedTexts = new Map<string, string>();
  const serviceOptions: ThesisServiceOptions = {
    ...rest,
    // Without folder texts the ledger's own copy is what quotes are checked against.
    sourceTexts: {
      get: (file) =>
        storedTexts.get(file) ??
        (folderTexts ? folderTexts.get(file) : ledger.documents.find((d) => d.file === file)?.text),
    },
  };
  let ledger = initial;
  const viewOf = (of: Ledger, previous?: { view: CorpusView; changed: ReadonlySet<string> }) =>
    createCorpusView(
      of,
      serviceOptions.onDroppedCitation ?? (() => {}),
      serviceOptions.sourceTexts,
      previous,
    );
  let view = viewOf(ledger);
  let index: SearchIndex = buildClaimIndex(view, onProgress);
  let current = createThesisService(ledger, {
    ...serviceOptions,
    claimIndex: index,
    corpusView: view,
  });
  // Every call goes to the service of the moment; written out (not a Proxy) so a method added
  // to ThesisService fails to compile here until it is forwarded.
  const thesis: ThesisService = {
    sources: () => current.sources(),
    ask: (question, opts) => current.ask(question, opts),
    risks: (topic) => current.risks(topic),
    bullbear: (topic) => current.bullbear(topic),
    quote: (claimId) => current.quote(claimId),
    claims: (filter) => current.claims(filter),
    topics: () => current.topics(),
  };
  const service = {
    swap(next: ThesisService) {
      current = next;
    },
  };
  /** Indexes the files of `what` and swaps the result in; `notify` tells the listeners. */
  function change(what: CorpusChange, notify: boolean): AppliedChange {
    const started = performance.now();
    useTopics(ledger.topics);
    const put = what.put ?? [];
    const leaving = new Set([...(what.remove ?? []), ...put.map((p) => p.raw.file)]);
    const removed = [...leaving].flatMap((file) => view.claimsOf(file));
    const parts = put.map(({ raw, meta }) =>
      indexOneFile(raw, meta ? { id: raw.id, file: raw.file, ...meta } : undefined),
    );
    for (const file of leaving) storedTexts.delete(file);
    for (const { raw, stored } of put) if (stored) storedTexts.set(raw.file, raw.text);
    // Adding a new file (the usual change) copies the ledger's lists without scanning them.
    const replacing = ledger.documents.some((d) => leaving.has(d.file));
    const keep = <T extends { file: string }>(list: T[]) =>
      replacing ? list.filter((item) => !leaving.has(item.file)) : list.slice();
    const next: Ledger = {
      ...ledger,
      documents: keep(ledger.documents),
      sections: keep(ledger.sections),
      paragraphs: keep(ledger.paragraphs),
      claims: keep(ledger.claims),
      warnings: ledger.warnings.filter((w) => ![...leaving].some((file) => w.includes(file))),
    };
    const added: Claim[] = [];
    const warnings: string[] = [];
    for (const [i, part] of parts.entries()) {
      const raw = put[i]!.raw;
      next.documents.push({ ...part.document, text: raw.text, lineStarts: raw.lineStarts });
      next.sections.push(...part.sections);
      next.paragraphs.push(...part.paragraphs);
      next.claims.push(...part.claims);
      added.push(...part.claims);
      if (part.warning) warnings.push(part.warning);
    }
    next.warnings.push(...warnings);
    const nextView = viewOf(next, { view, changed: leaving });
    const nextIndex = updateClaimIndex(index, nextView, added, new Set(removed.map((c) => c.id)));
    service.swap(
      createThesisService(next, {
        ...serviceOptions,
        claimIndex: nextIndex,
        corpusView: nextView,
      }),
    );
    ledger = next;
    view = nextView;
    index = nextIndex;
    const applied = { added, removed, ms: performance.now() - started, warnings };
    if (notify) for (const listener of listeners) listener(ledger, applied);
    return applied;
  }

  return {
    thesis,
    ledger: () => ledger,
    view: () => view,
    apply: (what) => change(what, true),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retopic() {
      const started = performance.now();
      const curated = ledger.topics.filter((t) => !t.discovered);
      const topics = [...curated, ...discoverTopics(ledger.documents, curated)];
      const discoverMs = performance.now() - started;
      const moved = topicsDiff(ledger.topics, topics);
      // The same topics in another order (a sample that shifted by a file) change nothing.
      if (moved.length === 0)
        return { changed: false, topics: ledger.topics.length, discoverMs, reindexMs: 0, files: 0 };
      // Claims name topics and take stances on them as they are indexed, one file at a time:
      // a file is read again when it names a topic that came or went (or its claims carry one).
      const ids = new Set(moved.map((t) => t.id));
      const words = moved.flatMap((t) => [...t.aliases, ...(t.caseSensitive ?? [])]);
      const lowerWords = words.map((w) => w.toLowerCase());
      const carrying = new Set(
        ledger.claims.filter((c) => c.topics.some((t) => ids.has(t))).map((c) => c.file),
      );
      const affected = ledger.documents.filter((doc) => {
        if (carrying.has(doc.file)) return true;
        const text = `${doc.title}\n${doc.text}`.toLowerCase();
        return lowerWords.some((w) => text.includes(w));
      });
      ledger = { ...ledger, topics };
      change(
        {
          put: affected.map((doc) => ({
            raw: { file: doc.file, id: doc.id, text: doc.text, lineStarts: doc.lineStarts },
            meta: {
              title: doc.title,
              ...(doc.outlet ? { outlet: doc.outlet } : {}),
              ...(doc.author ? { author: doc.author } : {}),
              ...(doc.url ? { url: doc.url } : {}),
            },
            stored: storedTexts.has(doc.file),
          })),
        },
        // The same claims, relabelled: nothing for listeners to follow.
        false,
      );
      return {
        changed: true,
        topics: topics.length,
        discoverMs,
        reindexMs: performance.now() - started - discoverMs,
        files: affected.length,
      };
    },
    adopt(refined) {
      const relabelled = new Map(refined.claims().map((c) => [c.id, c]));
      const claims = ledger.claims.map((claim) => {
        const better = relabelled.get(claim.id);
        return better && better.text === claim.text && better.file === claim.file ? better : claim;
      });
      ledger = { ...ledger, claims };
      view = viewOf(ledger);
      service.swap(
        createThesisService(ledger, { ...serviceOptions, claimIndex: index, corpusView: view }),
      );
    },
  };
}

/** Topics in one set and not in the other, as defined (order aside), from both sides. */
function topicsDiff(
  before: readonly TopicDefinition[],
  after: readonly TopicDefinition[],
): TopicDefinition[] {
  const key = (t: TopicDefinition) => JSON.stringify(t);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return [...before.filter((t) => !has.has(key(t))), ...after.filter((t) => !had.has(key(t)))];
}
