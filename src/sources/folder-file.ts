// One article of CORPUS_DIR read the way loadCorpusFiles reads the whole folder (same id,
// same cited path, same checks), for re-indexing a single file that changed.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { lineStartsOf } from "../corpus/lines.ts";
import { decodeArticle, MAX_FILE_BYTES, type RawFile } from "../corpus/load.ts";
import { readSourcesFile } from "../corpus/sources.ts";
import type { SourceFile } from "./live-corpus.ts";

export const ARTICLE_FILE = /\.(?:txt|md)$/i;

/** "<folder name>/<relative path>", the path citations name. */
export function citedPath(corpusDir: string, relative: string): string {
  return `${path.basename(path.resolve(corpusDir))}/${relative.split(path.sep).join("/")}`;
}

/** The file as a SourceFile, "missing" when it is gone, or why it cannot be indexed. */
export async function readFolderFile(
  corpusDir: string,
  relative: string,
): Promise<SourceFile | "missing" | { reason: string }> {
  const full = path.join(path.resolve(corpusDir), relative);
  const stats = await stat(full).catch(() => null);
  if (!stats?.isFile()) return "missing";
  if (stats.size > MAX_FILE_BYTES)
    return { reason: `it is larger than ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB` };
  const bytes = await readFile(full).catch(() => null);
  if (!bytes) return "missing";
  const decoded = decodeArticle(bytes);
  if ("reason" in decoded) return decoded;
  const id = relative
    .replace(/\.[^.]+$/, "")
    .split(path.sep)
    .join("/");
  const raw: RawFile = {
    file: citedPath(corpusDir, relative),
    id,
    text: decoded.text,
    lineStarts: lineStartsOf(decoded.text),
  };
  const { entries } = await readSourcesFile(corpusDir);
  const entry = entries.find((e) => e.file.replace(/^.*\//, "") === path.basename(relative));
  if (!entry) return { raw };
  const { id: _id, file: _file, ...meta } = entry;
  return { raw, meta };
}
