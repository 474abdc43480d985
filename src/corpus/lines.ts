// Line arithmetic over a file's text. Every span in the ledger is computed here, so a
// citation's lines and offsets always agree with the file as stored.
import type { LineSpan, OffsetSpan } from "./types.ts";

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  // A final newline does not open a line of its own.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return starts;
}

/** 1-based line holding `offset` (binary search over line starts). */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The lines covered by [start, end) — end exclusive, so the last character decides. */
export function linesOf(lineStarts: readonly number[], span: OffsetSpan): LineSpan {
  return [lineAt(lineStarts, span[0]), lineAt(lineStarts, Math.max(span[0], span[1] - 1))];
}

/** Text of line n (1-based) without its newline or a trailing carriage return. */
export function lineText(text: string, lineStarts: readonly number[], n: number): string {
  const start = lineStarts[n - 1] ?? text.length;
  const next = lineStarts[n];
  const raw = text.slice(start, next === undefined ? text.length : next - 1);
  return raw.endsWith("\r") ? raw.slice(0, -1) : raw;
}
