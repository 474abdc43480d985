// Reads the corpus folder. A file that cannot be trusted as an article (empty, binary, not
// UTF-8, too large) is skipped with a warning naming it; the rest is still indexed.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { lineStartsOf } from "./lines.ts";
import type { SourceDocument } from "./types.ts";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ARTICLE_EXTENSIONS = new Set([".txt", ".md"]);

export interface RawFile {
  /** "<corpus folder name>/<relative path>", the path citations name. */
  file: string;
  id: string;
  text: string;
  lineStarts: number[];
}

export interface LoadResult {
  files: RawFile[];
  warnings: string[];
}

// A BOM is not part of the article, but dropping it would shift every offset: the text
// is kept as stored (ignoreBOM keeps it) and cleaning ignores it.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The article a file's bytes hold, or why they hold none. */
export function decodeArticle(
  bytes: Uint8Array,
  maxBytes = MAX_FILE_BYTES,
): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: "it is empty" };
  if (bytes.length > maxBytes)
    return { reason: `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
  if (bytes.includes(0)) return { reason: "it looks binary (it contains NUL bytes)" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: "it is not valid UTF-8" };
  }
  if (text.trim() === "") return { reason: "it holds only white space" };
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Tab, newline, form feed and carriage return are text; other C0 controls are not.
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127)
      controls++;
  }
  if (controls > text.length / 100) return { reason: "it looks binary (many control characters)" };
  return { text };
}

async function listArticles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && ARTICLE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Files read at once: enough to keep the disk busy, few enough to bound open handles. */
const READ_CONCURRENCY = 16;

export async function loadCorpusFiles(dir: string, maxBytes = MAX_FILE_BYTES): Promise<LoadResult> {
  const root = path.resolve(dir);
  const folder = path.basename(root);
  const relatives = await listArticles(root);
  const outcomes: (RawFile | string)[] = new Array(relatives.length);
  const readOne = async (i: number) => {
    const relative = relatives[i] ?? "";
    const full = path.join(root, relative);
    const shown = `${folder}/${relative.split(path.sep).join("/")}`;
    if ((await stat(full)).size > maxBytes) {
      outcomes[i] = `Skipped ${shown}: it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`;
      return;
    }
    const decoded = decodeArticle(await readFile(full), maxBytes);
    if ("reason" in decoded) {
      outcomes[i] = `Skipped ${shown}: ${decoded.reason}.`;
      return;
    }
    const id = relative
      .replace(/\.[^.]+$/, "")
      .split(path.sep)
      .join("/");
    outcomes[i] = { file: shown, id, text: decoded.text, lineStarts: lineStartsOf(decoded.text) };
  };
  for (let i = 0; i < relatives.length; i += READ_CONCURRENCY) {
    const batch = relatives.slice(i, i + READ_CONCURRENCY).map((_, k) => readOne(i + k));
    await Promise.all(batch);
  }
  // Results stay in file-name order, whichever read finished first.
  return {
    files: outcomes.filter((o): o is RawFile => typeof o !== "string"),
    warnings: outcomes.filter((o): o is string => typeof o === "string"),
  };
}

export type { SourceDocument };
