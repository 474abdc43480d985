// The ledger persisted beside the data: reused while the corpus and rules are unchanged,
// rebuilt when either changes, and refused when written by a thesis-bot we do not know.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildLedgerFrom, LEDGER_SCHEMA_VERSION, type Ledger, readCorpus } from "./ledger.ts";

export class IndexVersionError extends Error {
  override name = "IndexVersionError";
}

export interface OpenedLedger {
  ledger: Ledger;
  /**
   * The articles' text as read from disk on this open, by file: what quotes are checked
   * against, so a tampered or stale index cannot vouch for its own quotes.
   */
  sourceTexts: Map<string, string>;
  /** Why it was (re)built, or null when the persisted index was reused. */
  rebuiltBecause: string | null;
  ms: number;
}

export async function openLedger(
  corpusDir: string,
  indexFile: string | null,
): Promise<OpenedLedger> {
  const started = performance.now();
  const corpus = await readCorpus(corpusDir);
  const persisted = indexFile ? await readIndex(indexFile) : null;
  const sourceTexts = new Map(corpus.files.map((f) => [f.file, f.text]));
  if (
    persisted &&
    persisted.corpusHash === corpus.corpusHash &&
    persisted.schemaVersion === LEDGER_SCHEMA_VERSION
  ) {
    return {
      ledger: persisted,
      sourceTexts,
      rebuiltBecause: null,
      ms: performance.now() - started,
    };
  }
  const ledger = buildLedgerFrom(corpus);
  if (indexFile) await writeIndex(indexFile, ledger);
  const rebuiltBecause = !persisted
    ? "no index yet"
    : persisted.schemaVersion !== LEDGER_SCHEMA_VERSION
      ? `index schema ${persisted.schemaVersion} is older than ${LEDGER_SCHEMA_VERSION}`
      : "the corpus or the pipeline's rules changed";
  return { ledger, sourceTexts, rebuiltBecause, ms: performance.now() - started };
}

async function readIndex(file: string): Promise<Ledger | null> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return null;
  }
  let parsed: Partial<Ledger>;
  try {
    parsed = JSON.parse(raw) as Partial<Ledger>;
  } catch {
    return null; // A torn or hand-edited file is rebuilt, not trusted.
  }
  const version = parsed.schemaVersion;
  if (
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > LEDGER_SCHEMA_VERSION
  ) {
    throw new IndexVersionError(
      `The index at ${file} has schema version ${JSON.stringify(version)}, which this thesis-bot does not know ` +
        `(it reads version ${LEDGER_SCHEMA_VERSION}). It was probably written by a newer thesis-bot: ` +
        "upgrade, or delete the file and it will be rebuilt.",
    );
  }
  return parsed as Ledger;
}

/** Written to a temporary file and renamed, so a crash never leaves half an index. */
async function writeIndex(file: string, ledger: Ledger): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(ledger));
  await rename(temporary, file);
}
