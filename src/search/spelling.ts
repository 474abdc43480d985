// Reading a slip as the word meant, from general English only (SUBTLEX's spoken words and the
// large written list of background.ts), never from the corpus: "becuase" -> because,
// "westrren" -> western, "unerpins" -> underpins, "frist" -> first. New names ("mainnet",
// "netuid", "solana") are never bent into words: a correction only lands on a word said often
// enough, and a name only on a common one.
import {
  isEnglishWord,
  SPECIFICITY_DEFAULTS,
  spokenTable,
  spokenZipf,
  writtenWords,
} from "./background.ts";
import { SEARCH_DEFAULTS } from "./defaults.ts";
import { editDistance, surfacesOneEditFrom } from "./fuzzy.ts";

// Spoken words by first letter, most frequent first, for spelling correction.
let byInitial: Map<string, [string, number][]> | undefined;

function spokenByInitial(): Map<string, [string, number][]> {
  if (byInitial) return byInitial;
  byInitial = new Map();
  for (const [word, { zipf }] of spokenTable()) {
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
    for (const word of writtenWords()) {
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
  const zipf = spokenTable().get(lower)?.zipf;
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
      if (spokenTable().get(word)?.proper && zipf < SPECIFICITY_DEFAULTS.slipTargetNameZipf)
        continue;
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

const UNSAID_ZIPF = 1;

/**
 * The index term a rare real word the index lacks was most likely typed for: a word of the
 * corpus (`surfaces`: its written forms with their index terms) one edit away that people say at least `realWordOdds` (Zipf, log10 of the ratio) more
 * often ("pont" -> point, "wallers" -> wallets, "looses" -> loses). A question put to this
 * corpus is likelier to use its words, and a commoner word likelier to be meant. Only for words
 * people rarely say (Zipf at most `rareZipf`): "fees" is not "feel", and "Paris" not "parts".
 */
export function realWordSlip(
  word: string,
  surfaces: Iterable<[string, string]>,
): string | undefined {
  // A non-word is a slip for closestTerm or a name ("groq" is not "grow").
  if (!isEnglishWord(word)) return undefined;
  // A word only the written list has is said at most once in the subtitles' 50 million words.
  const typed = spokenZipf(word) ?? UNSAID_ZIPF;
  if (typed > SPECIFICITY_DEFAULTS.rareZipf) return undefined;
  let best: string | undefined;
  let bestZipf = typed + SEARCH_DEFAULTS.realWordOdds;
  for (const [surface, term] of surfacesOneEditFrom(word, surfaces)) {
    const zipf = spokenZipf(surface) ?? 0;
    if (zipf >= bestZipf) [best, bestZipf] = [term, zipf];
  }
  return best;
}

/** Builds the correction tables now rather than on the first question (see preloadBackground). */
export function preloadSpelling(): void {
  spokenByInitial();
  slipTargetsByInitial();
  writtenCorrection("preloaded");
}
