// Shortening text and naming line ranges, one way for the whole bot.

/** `text` on one line: every run of white space one space, no space at either end. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface ClipOptions {
  /**
   * Cut at the last space when one falls in the second half of what is kept, so no word is
   * broken; a longer single word is still cut. Defaults to true.
   */
  atWord?: boolean;
}

/**
 * `text` if it is at most `max` characters; otherwise cut, with "…" marking the cut, to at
 * most `max` characters in all.
 */
export function clip(text: string, max: number, options: ClipOptions = {}): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  const space = options.atWord === false ? -1 : window.lastIndexOf(" ");
  const kept = space > max / 2 ? window.slice(0, space) : window.slice(0, max - 1);
  return `${kept.trimEnd()}…`;
}

/** "12-14", and "12-12" for a single line: both ends always, so a script can split it. */
export function lineRange(lines: readonly [number, number]): string {
  return `${lines[0]}-${lines[1]}`;
}

/** "seeds/a.txt:12-14": the form a terminal, a log, a script or an editor can use. */
export function fileLines(file: string, lines: readonly [number, number]): string {
  return `${file}:${lineRange(lines)}`;
}

/** "lines 12–14", or "line 12": as a reader sees it under a quote. */
export function linesInWords(lines: readonly [number, number]): string {
  const [start, end] = lines;
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}
