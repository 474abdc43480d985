// Text for Discord: markdown escaping that keeps a quote exactly as written, and splitting
// or shortening that respects words (the limits themselves live in render-discord).
import { clip } from "../../lib/text.ts";

const MARKDOWN_SPECIALS = /[\\*_~`|]/g;

/** Escapes Discord markdown so a quote is shown exactly as written in the source. */
export function escapeDiscordMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIALS, (c) => `\\${c}`).replace(/^([>#-])/gm, "\\$1");
}

/** The text a reader sees for an escaped string (used by tests and the thread flow). */
export function unescapeDiscordMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|>#-])/g, "$1");
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces.
 * A piece is cut with "…" only when one word alone is longer than `max`.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = Math.max(cut, window.lastIndexOf(" "));
    if (cut <= 0) {
      pieces.push(`${rest.slice(0, max - 1)}…`);
      rest = rest.slice(max - 1);
      continue;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Truncates at a word boundary with "…", only when over the limit. */
export function truncateAtWord(text: string, max: number): string {
  return clip(text, max);
}
