// The ledger persisted beside the data: reused while the corpus and rules are unchanged,
// rebuilt when either changes or the file is not a ledger any more, and refused only when a
// newer thesis-bot wrote it (an older build must not overwrite what it cannot read).
import { mkdir, open, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import { writeJson } from "../lib/write-json.ts";
import {
  buildLedgerInParallel,
  folderHashOf,
  type IndexProgress,
  LEDGER_SCHEMA_VERSION,
  type Ledger,
  readCorpus,
} from "./ledger.ts";
import { firstIssue, persistedLedgerSchema, versionOnlySchema } from "./ledger-schema.ts";
import { liveSourceTexts, type SourceTexts } from "./live-sources.ts";
import { useTopics } from "./topics.ts";

export class IndexVersionError extends Error {
  override name = "IndexVersionError";
}

export interface OpenedLedger {
  ledger: Ledger;
  /**
   * The articles' text as it is on disk at each lookup, by file: what quotes are checked
   * against, so neither a tampered index nor an article edited since start-up is quoted.
   */
  sourceTexts: SourceTexts;
  /** Why it was (re)built, or null when the persisted index was reused. */
  rebuiltBecause: string | null;
  /** Set when the index file was there but unusable (then it was rebuilt): worth a warning. */
  indexProblem: string | null;
  ms: number;
  /**
   * The corpus hash of these folder files under the sources.json and topics.json read now:
   * a ledger changed at runtime is saved with it, so the next start reuses it only while the
   * folder still holds what it indexed.
   */
  folderHash: (files: readonly { file: string; text: string }[]) => string;
}

export interface OpenLedgerOptions {
  /** Told of each file indexed when the ledger is (re)built. */
  onProgress?: IndexProgress;
}

type PersistedIndex =
  | { state: "missing" }
  | { state: "unusable"; why: string }
  | { state: "ok"; ledger: Ledger };

export async function openLedger(
  corpusDir: string,
  indexFile: string | null,
  options: OpenLedgerOptions = {},
): Promise<OpenedLedger> {
  const started = performance.now();
  const corpus = await readCorpus(corpusDir);
  const folderHash: OpenedLedger["folderHash"] = (files) =>
    folderHashOf(files, corpus.sources, corpus.curatedTopics);
  const persisted: PersistedIndex = indexFile ? await readIndex(indexFile) : { state: "missing" };
  const folderTexts = liveSourceTexts(corpusDir);
  const indexProblem =
    persisted.state === "unusable"
      ? `The index at ${indexFile} was unusable (${persisted.why}); it was rebuilt.`
      : null;
  if (
    persisted.state === "ok" &&
    persisted.ledger.corpusHash === corpus.corpusHash &&
    persisted.ledger.schemaVersion === LEDGER_SCHEMA_VERSION
  ) {
    useTopics(persisted.ledger.topics);
    return {
      ledger: persisted.ledger,
      sourceTexts: withSavedTexts(folderTexts, persisted.ledger, corpusDir),
      rebuiltBecause: null,
      indexProblem,
      ms: performance.now() - started,
      folderHash,
    };
  }
  const ledger = await buildLedgerInParallel(corpus, options.onProgress);
  if (indexFile) await writeIndex(indexFile, ledger);
  const rebuiltBecause =
    persisted.state === "missing"
      ? "no index yet"
      : persisted.state === "unusable"
        ? "the index file was unusable"
        : persisted.ledger.schemaVersion !== LEDGER_SCHEMA_VERSION
          ? `index schema ${persisted.ledger.schemaVersion} is older than ${LEDGER_SCHEMA_VERSION}`
          : "the corpus or the pipeline's rules changed";
  return {
    ledger,
    sourceTexts: folderTexts,
    rebuiltBecause,
    indexProblem,
    ms: performance.now() - started,
    folderHash,
  };
}

/**
 * A ledger saved after sources were added at runtime (src/sources/keep-ledger.ts) holds
 * their text, copied from the store, under names outside the folder: quotes from them are
 * checked against that copy. A running bot checks them against the store's own.
 */
function withSavedTexts(folderTexts: SourceTexts, ledger: Ledger, corpusDir: string): SourceTexts {
  const folder = `${path.basename(path.resolve(corpusDir))}/`;
  const saved = new Map(
    ledger.documents.filter((d) => !d.file.startsWith(folder)).map((d) => [d.file, d.text]),
  );
  return {
    get: (file) => (file.startsWith(folder) ? folderTexts.get(file) : saved.get(file)),
  };
}

async function readIndex(file: string): Promise<PersistedIndex> {
  let raw: string;
  try {
    if (!(await stat(file)).isFile()) return { state: "unusable", why: "it is not a file" };
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return { state: "missing" };
    return { state: "unusable", why: `it could not be read: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { state: "unusable", why: "it is not valid JSON" };
  }
  // Only a well-formed version number above ours means "newer": anything else is damage.
  const version = versionOnlySchema.safeParse(json);
  if (
    version.success &&
    Number.isInteger(version.data.schemaVersion) &&
    version.data.schemaVersion > LEDGER_SCHEMA_VERSION
  ) {
    throw new IndexVersionError(
      `The index at ${file} has schema version ${version.data.schemaVersion}, but this thesis-bot reads version ${LEDGER_SCHEMA_VERSION}: it was written by a newer thesis-bot, so upgrade, or delete the file and it will be rebuilt.`,
    );
  }
  const parsed = persistedLedgerSchema.safeParse(json);
  if (!parsed.success) return { state: "unusable", why: firstIssue(parsed.error) };
  // The checked JSON itself, not zod's copy: fields a later build adds are kept as written.
  return { state: "ok", ledger: json as Ledger };
}

/** Written to a temporary file and renamed, so a crash never leaves half an index. */
export async function writeIndex(file: string, ledger: Ledger): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // A folder where the file belongs (made by hand or by another tool) is moved aside, not
  // deleted: it may hold something of someone's.
  const existing = await stat(file).catch(() => null);
  if (existing && !existing.isFile()) await rename(file, `${file}.moved-aside-${Date.now()}`);
  const temporary = `${file}.${process.pid}.tmp`;
  // Written in batches (src/lib/write-json.ts): a running bot saves after sources change.
  const handle = await open(temporary, "w");
  try {
    await writeJson(handle, { ...ledger });
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
