// The product's one promise: every quote shown is the exact text of the source at the lines
// it names. Every composer passes its citations through `keepVerifiedCitations`; a citation
// that fails is dropped and reported, never shown.
import type { Citation } from "../corpus/types.ts";

/** The file text a citation is checked against, as stored on disk. */
export interface QuotableText {
  title: string;
  text: string;
  /** Offset of the first character of each line; lineStarts[0] is line 1. */
  lineStarts: number[];
}

export type QuoteCheckFailure =
  | "unknown-file"
  | "bad-lines"
  | "empty-quote"
  | "not-at-lines"
  | "wrong-title";

/** Offsets [start, end) of lines start..end (1-based, inclusive) without the final newline. */
export function lineRangeOffsets(doc: QuotableText, start: number, end: number): [number, number] {
  const from = doc.lineStarts[start - 1] ?? doc.text.length;
  const next = doc.lineStarts[end];
  let to = next === undefined ? doc.text.length : next - 1;
  if (to > from && doc.text[to - 1] === "\r") to -= 1;
  return [from, Math.max(from, to)];
}

/**
 * Why a citation fails, or null when it holds. It holds when the quote is non-empty, occurs
 * in the cited lines joined by "\n", starts on the first cited line and ends on the last
 * (so a one-line quote cannot claim a whole page), and the title is the source's.
 */
export function checkCitation(
  citation: Citation,
  lookup: (file: string) => QuotableText | undefined,
): QuoteCheckFailure | null {
  const doc = lookup(citation.file);
  if (!doc) return "unknown-file";
  const [start, end] = citation.lines;
  const lineCount = doc.lineStarts.length;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 1 ||
    end < start ||
    end > lineCount
  ) {
    return "bad-lines";
  }
  if (citation.quote.trim() === "") return "empty-quote";
  if (citation.title !== doc.title) return "wrong-title";
  const [from, to] = lineRangeOffsets(doc, start, end);
  const window = doc.text.slice(from, to).replace(/\r\n/g, "\n");
  const firstLineEnd = lineRangeOffsets(doc, start, start)[1] - from;
  const lastLineStart = (doc.lineStarts[end - 1] ?? from) - from;
  for (
    let at = window.indexOf(citation.quote);
    at !== -1;
    at = window.indexOf(citation.quote, at + 1)
  ) {
    const stop = at + citation.quote.length;
    if (at <= firstLineEnd && stop >= lastLineStart) return null;
  }
  return "not-at-lines";
}

export interface DroppedCitation {
  citation: Citation;
  reason: QuoteCheckFailure;
}

/** Keeps the citations that hold; hands every dropped one to `onDrop` (which should log it). */
export function keepVerifiedCitations<T extends Citation>(
  citations: readonly T[],
  lookup: (file: string) => QuotableText | undefined,
  onDrop: (dropped: DroppedCitation) => void,
): T[] {
  return citations.filter((citation) => {
    const reason = checkCitation(citation, lookup);
    if (reason) onDrop({ citation, reason });
    return reason === null;
  });
}
