// The claim ledger: every source, section, paragraph and claim of the corpus, built by the
// pipeline load -> clean -> segment -> claims. Nothing here is labelled by hand.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractClaims } from "./claims.ts";
import { findFurniture } from "./furniture.ts";
import { lineText } from "./lines.ts";
import { loadCorpusFiles } from "./load.ts";
import { segment } from "./segment.ts";
import { deriveTitle, readSourcesFile } from "./sources.ts";
import type { Claim, Paragraph, Section, SourceDocument } from "./types.ts";

/** Bump when the shape of a persisted ledger changes. */
export const LEDGER_SCHEMA_VERSION = 1;

export interface Ledger {
  schemaVersion: number;
  /** Hash of every file's name and bytes plus the pipeline's rules: a change rebuilds. */
  corpusHash: string;
  documents: SourceDocument[];
  sections: Section[];
  paragraphs: Paragraph[];
  claims: Claim[];
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

export async function readCorpus(dir: string) {
  const [{ files, warnings }, sources] = await Promise.all([
    loadCorpusFiles(dir),
    readSourcesFile(dir),
  ]);
  if (sources.warning) warnings.push(sources.warning);
  const metadata = { file: "sources.json", text: JSON.stringify(sources.entries) };
  return {
    files,
    warnings,
    sources: sources.entries,
    corpusHash: corpusHashOf([...files, metadata]),
  };
}

export async function buildLedger(dir: string): Promise<Ledger> {
  return buildLedgerFrom(await readCorpus(dir));
}

export function buildLedgerFrom(corpus: Awaited<ReturnType<typeof readCorpus>>): Ledger {
  const ledger: Ledger = {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    corpusHash: corpus.corpusHash,
    documents: [],
    sections: [],
    paragraphs: [],
    claims: [],
    warnings: [...corpus.warnings],
  };
  const byFile = new Map(corpus.sources.map((s) => [s.file.replace(/^.*\//, ""), s]));
  for (const raw of corpus.files) {
    const lines = raw.lineStarts.map((_, i) => lineText(raw.text, raw.lineStarts, i + 1));
    const furniture = findFurniture(lines);
    const segmented = segment({ ...raw, furniture: furniture.lines });
    const meta = byFile.get(raw.file.replace(/^.*\//, ""));
    const firstHeading = segmented.sections.find(
      (s) => s.heading !== null && s.lines[0] <= (segmented.paragraphs[0]?.lines[0] ?? 0),
    );
    const title =
      meta?.title ??
      deriveTitle(firstHeading?.heading ?? null, segmented.sentences[0]?.text ?? null, raw.id);
    const document: SourceDocument = {
      id: raw.id,
      file: raw.file,
      title,
      text: raw.text,
      lineStarts: raw.lineStarts,
      ...optional("outlet", meta?.outlet ?? furniture.outlet),
      ...optional("author", meta?.author ?? furniture.author),
    };
    ledger.documents.push(document);
    ledger.sections.push(...segmented.sections);
    ledger.paragraphs.push(...segmented.paragraphs);
    ledger.claims.push(
      ...extractClaims(raw.file, raw.id, title, raw.text, raw.lineStarts, segmented),
    );
    if (segmented.sentences.length === 0)
      ledger.warnings.push(`${raw.file} has no sentences after cleaning.`);
  }
  return ledger;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
