// Marks the lines of a file that are page furniture. Cleaning never edits text: a marked
// line is simply not segmented, so every line number and offset stays the file's own.
import {
  AUTHOR_BIO_PATTERN,
  BIO_OUTLET_PATTERN,
  FURNITURE_LINE_PATTERNS,
} from "./furniture-patterns.ts";

export interface FurnitureResult {
  /** 1-based line numbers to skip. */
  lines: Set<number>;
  author?: string;
  outlet?: string;
}

/** Compares lines ignoring case, white space and quote style ("China's" = "China’s"). */
export function normalizeLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** Longer than any ticker, label, counter, blurb or title the cleaning looks for. */
const MAX_FURNITURE_LINE = 160;

const wordCount = (line: string) => line.split(/\s+/).filter(Boolean).length;

/**
 * Finds furniture in `lines` (index 0 is line 1):
 * - lines matching a furniture pattern (tickers, ads, vote counters, newsletter blurbs…);
 * - a line repeating an earlier non-blank line (repeated titles, tickers);
 * - one- or two-word labels above the first real paragraph ("Technology" kickers);
 * - an author bio paragraph and the name line just above it.
 */
export function findFurniture(lines: readonly string[]): FurnitureResult {
  const marked = new Set<number>();
  const seen = new Set<string>();
  let author: string | undefined;
  let outlet: string | undefined;
  let bodyStarted = false;

  lines.forEach((raw, index) => {
    const n = index + 1;
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "") return;
    // Furniture, repeated titles and tickers are short lines; a paragraph is none of them,
    // and skipping it keeps cleaning cheap on long articles.
    const short = line.length <= MAX_FURNITURE_LINE;
    const key = short ? normalizeLine(line) : "";
    if (short && (FURNITURE_LINE_PATTERNS.some((p) => p.test(line)) || seen.has(key))) {
      marked.add(n);
      seen.add(key);
      return;
    }
    if (short) seen.add(key);
    if (!bodyStarted && wordCount(line) <= 2 && !/[.!?:]$/.test(line)) {
      marked.add(n);
      return;
    }
    if (wordCount(line) >= 12) bodyStarted = true;
    const bio = AUTHOR_BIO_PATTERN.exec(line);
    if (bio && index > lines.length / 2) {
      marked.add(n);
      author ??= bio[1];
      outlet ??= BIO_OUTLET_PATTERN.exec(line)?.[1];
      const nameLine = previousNonBlank(lines, index);
      if (nameLine !== null && isNameLine(lines[nameLine] ?? "", bio[1] ?? ""))
        marked.add(nameLine + 1);
    }
  });
  return { lines: marked, author, outlet };
}

function previousNonBlank(lines: readonly string[], index: number): number | null {
  for (let i = index - 1; i >= 0; i--) if ((lines[i] ?? "").trim() !== "") return i;
  return null;
}

/** "Sakamoto Nashi" above "Nashi Sakamoto is a …": the same words, any order. */
function isNameLine(line: string, name: string): boolean {
  const words = (s: string) => normalizeLine(s).split(" ").sort().join(" ");
  return words(line) === words(name);
}
