// What `/thesis sources` shows of each source, and what a change reports: its origin (folder
// or chat) and date, its claims, and how those bear on the known topics.
import { statSync } from "node:fs";
import path from "node:path";
import type { SourceInfo } from "../answer/types.ts";
import type { Claim, SourceDocument } from "../corpus/types.ts";
import { addedIdOf, type IndexedSource } from "./added-source.ts";
import type { AppliedChange, LiveCorpus } from "./live-corpus.ts";

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

export interface SourceListing {
  list(): SourceSummary[];
  summary(doc: SourceDocument): SourceSummary;
  /** What a change to `file` brought in. */
  result(file: string, applied: AppliedChange): SourceChangeResult;
}

export function createSourceListing(options: {
  live: LiveCorpus;
  /** The added sources this replica has indexed, by id. */
  indexed: ReadonlyMap<string, IndexedSource>;
  /** The folder, for the date a folder file was added; absent in tests without one. */
  corpusDir?: string;
  topicLabel: (id: string) => string;
}): SourceListing {
  const { live, indexed } = options;

  function claimCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of live.ledger().claims) counts.set(c.file, (counts.get(c.file) ?? 0) + 1);
    return counts;
  }

  function folderDate(file: string): { addedAt?: string } {
    if (!options.corpusDir) return {};
    const relative = file.split("/").slice(1).join(path.sep);
    const stats = statSync(path.join(options.corpusDir, relative), { throwIfNoEntry: false });
    return stats ? { addedAt: stats.mtime.toISOString() } : {};
  }

  function summary(doc: SourceDocument, counts = claimCounts()): SourceSummary {
    const added = addedIdOf(doc.file);
    const id = added ?? doc.id;
    const meta = added === undefined ? undefined : indexed.get(added);
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

  return {
    list() {
      const counts = claimCounts();
      return live.ledger().documents.map((doc) => summary(doc, counts));
    },
    summary: (doc) => summary(doc),
    result(file, applied) {
      const doc = live.ledger().documents.find((d) => d.file === file);
      if (!doc) throw new Error(`${file} is not in the ledger after indexing it`);
      return {
        source: summary(doc),
        claims: applied.added.length,
        risks: applied.added.filter((c) => c.kind === "risk").length,
        bearing: bearingOf(applied.added, options.topicLabel),
        indexMs: applied.ms,
      };
    },
  };
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
