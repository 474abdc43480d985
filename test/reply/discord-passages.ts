// Reads the passages back out of Discord embed descriptions, as a reader sees them: each is
// "> " quote lines, then its credit line, then "-# file · lines" in small print.
import { unescapeDiscordMarkdown } from "../../src/adapters/discord/render.ts";

export interface ShownPassage {
  /** The quote's lines as shown, markup removed (a very long line may arrive cut in pieces). */
  lines: string[];
  credit: string;
  file: string;
  span: [number, number];
}

const SMALL_PRINT = /^-# (\S+) · lines? (\d+)(?:–(\d+))?$/;

export function passagesShown(descriptions: readonly string[]): ShownPassage[] {
  const passages: ShownPassage[] = [];
  let quote: string[] = [];
  let credit = "";
  for (const line of descriptions.join("\n").split("\n")) {
    const small = SMALL_PRINT.exec(unescapeDiscordMarkdown(line));
    if (line.startsWith("> ")) {
      const text = line
        .slice(2)
        .replace(/\u200b/g, "")
        .replace(/(?<!\\)\*\*/g, "");
      quote.push(unescapeDiscordMarkdown(text));
    } else if (small) {
      const [, file = "", start = "0", end] = small;
      passages.push({ lines: quote, credit, file, span: [Number(start), Number(end ?? start)] });
      quote = [];
    } else if (line.trim() !== "") credit = line;
  }
  return passages;
}
