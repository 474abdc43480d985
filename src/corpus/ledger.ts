// The claim ledger: every source, section, paragraph and claim of the corpus, built by the
// pipeline load -> clean -> segment -> claims. Nothing here is labelled by hand.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type FileIndex, indexOneFile } from "./file-index.ts";
import { indexFilesInParallel, type PoolOptions } from "./index-pool.ts";
import { loadCorpusFiles } from "./load.ts";
import { readSourcesFile, type SourceEntry } from "./sources.ts";
import { discoverTopics } from "./topic-discovery.ts";
import { readTopicsFile, type TopicDefinition, useTopics } from "./topics.ts";
import type { Claim, Paragraph, Section, SourceDocument } from "./types.ts";

/** Bump when the shape of a persisted ledger changes. */
export const LEDGER_SCHEMA_VERSION = 2;

export interface Ledger {
  schemaVersion: number;
  /** Hash of every file's name and bytes plus the pipeline's rules: a change rebuilds. */
  corpusHash: string;
  documents: SourceDocument[];
  sections: Section[];
  paragraphs: Paragraph[];
  claims: Claim[];
  /** The corpus's topics: its topics.json, then those discovered in its articles. */
  topics: TopicDefinition[];
  /** Files skipped and other problems, each naming its file. */
  warnings: string[];
}

/**
 * Any change to the pipeline (its code, word lists or topics) changes claims, so the source
 * files of this folder are part of the hash: an index is never served by older rules.
 */
const RULES_FINGERPRINT = (() => {
  const hash = createHash("sha256");
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (/\.(?:ts|js)$/.test(name)) hash.update(name).update(readFileSync(path.join(here, name)));
  }
  return hash.digest("hex");
})();

export function corpusHashOf(files: readonly { file: string; text: string }[]): string {
  const hash = createHash("sha256").update(
    `schema:${LEDGER_SCHEMA_VERSION}\u0000rules:${RULES_FINGERPRINT}`,
  );
  for (const f of files) hash.update(`\u0000${f.file}\u0000${f.text}`);
  return hash.digest("hex");
}

/**
 * The corpus hash of these folder files (in file-name order, as the folder is read) under
 * the given sources.json and topics.json: what openLedger compares a persisted ledger with.
 */
export function folderHashOf(
  files: readonly { file: string; text: string }[],
  sources: readonly SourceEntry[],
  curatedTopics: readonly TopicDefinition[],
): string {
  const metadata = [
    { file: "sources.json", text: JSON.stringify(sources) },
    { file: "topics.json", text: JSON.stringify(curatedTopics) },
  ];
  return corpusHashOf([...files, ...metadata]);
}

export async function readCorpus(dir: string) {
  const [{ files, warnings }, sources, curated] = await Promise.all([
    loadCorpusFiles(dir),
    readSourcesFile(dir),
    readTopicsFile(dir),
  ]);
  if (sources.warning) warnings.push(sources.warning);
  if (curated.warning) warnings.push(curated.warning);
  return {
    files,
    warnings,
    sources: sources.entries,
    curatedTopics: curated.topics,
    corpusHash: folderHashOf(files, sources.entries, curated.topics),
  };
}

export type ReadCorpus = Awaited<ReturnType<typeof readCorpus>>;

/**
 * Told how far long work has come: `done` of `total` (files, claims). The core only counts;
 * the console and the CLI draw it (src/app/progress-display.ts).
 */
export type IndexProgress = (done: number, total: number) => void;

export async function buildLedger(dir: string, onProgress?: IndexProgress): Promise<Ledger> {
  return buildLedgerInParallel(await readCorpus(dir), onProgress);
}

/** Topics in force for this corpus: its topics.json, then those discovered in its files. */
function topicsOf(corpus: ReadCorpus): TopicDefinition[] {
  const topics = [...corpus.curatedTopics, ...discoverTopics(corpus.files, corpus.curatedTopics)];
  // Claims read their topics and stances against these.
  useTopics(topics);
  return topics;
}

/**
 * The ledger, its files indexed on one thread. Reports each file indexed to `onProgress`,
 * ending with total of total.
 */
export function buildLedgerFrom(corpus: ReadCorpus, onProgress?: IndexProgress): Ledger {
  const meta = metadataFor(corpus);
  const topics = topicsOf(corpus);
  const total = corpus.files.length;
  onProgress?.(0, total);
  return assemble(
    corpus,
    topics,
    corpus.files.map((raw, i) => {
      const indexed = indexOneFile(raw, meta(raw.file));
      onProgress?.(i + 1, total);
      return indexed;
    }),
  );
}

/**
 * The same ledger as buildLedgerFrom, its files indexed on every core (index-pool.ts) when
 * the corpus is large enough to gain from it.
 */
export async function buildLedgerInParallel(
  corpus: ReadCorpus,
  onProgress?: IndexProgress,
  pool: Omit<PoolOptions, "onIndexed"> = {},
): Promise<Ledger> {
  const total = corpus.files.length;
  let done = 0;
  let topics: TopicDefinition[] = [];
  onProgress?.(0, total);
  const indexed = await indexFilesInParallel(
    corpus.files,
    () => {
      topics = topicsOf(corpus);
      return topics;
    },
    metadataFor(corpus),
    { ...pool, onIndexed: () => onProgress?.(++done, total) },
  );
  return assemble(corpus, topics, indexed);
}

function metadataFor(corpus: ReadCorpus): (file: string) => SourceEntry | undefined {
  const byFile = new Map(corpus.sources.map((s) => [s.file.replace(/^.*\//, ""), s]));
  return (file) => byFile.get(file.replace(/^.*\//, ""));
}

function assemble(
  corpus: ReadCorpus,
  topics: TopicDefinition[],
  indexed: readonly FileIndex[],
): Ledger {
  const ledger: Ledger = {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    corpusHash: corpus.corpusHash,
    documents: [],
    sections: [],
    paragraphs: [],
    claims: [],
    topics,
    warnings: [...corpus.warnings],
  };
  for (const [i, raw] of corpus.files.entries()) {
    const part = indexed[i];
    if (!part) throw new Error(`No index for ${raw.file}`);
    ledger.documents.push({ ...part.document, text: raw.text, lineStarts: raw.lineStarts });
    for (const section of part.sections) ledger.sections.push(section);
    for (const paragraph of part.paragraphs) ledger.paragraphs.push(paragraph);
    for (const claim of part.claims) ledger.claims.push(claim);
    if (part.warning) ledger.warnings.push(part.warning);
  }
  return ledger;
}
