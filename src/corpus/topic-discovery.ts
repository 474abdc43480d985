// Finds what a corpus is about: words, two-word phrases and capitalised names that are far
// more frequent in its articles than in general English (background-english.ts), and
// frequent enough to argue about. Each becomes a topic whose aliases are its singular and
// plural forms. Nothing here knows any corpus: the same statistics read any articles.
import { STOPWORDS } from "../search/stopwords.ts";
import { nounShare, partOfSpeechShares } from "../search/wordnet.ts";
import { perMillionInEnglish } from "./background-english.ts";
import type { TopicDefinition } from "./topic-set.ts";

export const DISCOVERY_DEFAULTS = {
  /** Topics kept, best first. */
  maxTopics: 40,
  /** Characters read, spread evenly over the files (bounds the cost on a large corpus). */
  sampleChars: 600_000,
  /** Corpus frequency over English frequency (per million, +1 smoothing) a word needs. */
  minSpecificity: 15,
  /** Words this common in English (per million) are function words, never part of a topic. */
  functionWordPerMillion: 250,
  /** Of the rarer word's occurrences, the share a phrase must account for to be a phrase. */
  minCohesion: 0.25,
  /**
   * A one-word topic is a noun in general English at least this often (WordNet's tagged
   * senses: "strategic", "closed", "cheaper" are not); words WordNet does not know pass.
   */
  minNounShare: 0.5,
} as const;

const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;
const MARKUP_BEFORE = /[[&<{]/;
/** Between two words of one phrase: spaces only (no punctuation, no line break). */
const PHRASE_GAP = /^[ \t]+$/;

interface Tally {
  count: number;
  /** Files it occurs in (counted once each: files are read in order). */
  files: number;
  lastFile: number;
  /** Surface forms other than the lower-case key, to label the topic as the articles do. */
  forms: Map<string, number> | null;
  capitalised: number;
  /** Occurrences right after a determiner or preposition: how often it is a noun. */
  nounLike: number;
}

/** Words after which a noun phrase starts ("the dam", "of dams", "their children"). */
const NOUN_MARKERS = new Set(
  "the a an this that these those its their his her our your my of in on for with by about from against".split(
    " ",
  ),
);
/** A unigram topic is a noun at least this often (verbs, adverbs and most adjectives are not). */
const MIN_NOUN_SHARE = 0.2;
const SENTENCE_START = /[.!?\n]\s*$/;

const stripPossessive = (word: string) => word.replace(/['’]s$/i, "").replace(/['’]$/, "");

function tallyInto(
  map: Map<string, Tally>,
  key: string,
  surface: string,
  file: number,
  nounLike: boolean,
): void {
  let t = map.get(key);
  if (!t) {
    t = {
      count: 0,
      files: 0,
      lastFile: -1,
      forms: null,
      capitalised: 0,
      nounLike: 0,
    };
    map.set(key, t);
  }
  t.count++;
  if (nounLike) t.nounLike++;
  if (t.lastFile !== file) {
    t.files++;
    t.lastFile = file;
  }
  if (surface !== key) {
    t.forms ??= new Map();
    t.forms.set(surface, (t.forms.get(surface) ?? 0) + 1);
    if (/^\p{Lu}/u.test(surface)) t.capitalised++;
  }
}

/** "dams" and "dam" are one topic, filed under the singular when both occur. */
const singular = (key: string, known: Map<string, Tally>): string => {
  for (const cut of [/ies$/, /es$/, /s$/]) {
    // "its" is no plural of "it", nor "has" of "ha".
    if (!cut.test(key) || /ss$/.test(key) || key.length < 5) continue;
    const stem = key.replace(cut, cut.source === "ies$" ? "y" : "");
    if (known.has(stem)) return stem;
  }
  return key;
};

export function discoverTopics(
  files: readonly { text: string }[],
  taken: readonly TopicDefinition[],
  options: Partial<typeof DISCOVERY_DEFAULTS> = {},
): TopicDefinition[] {
  const o = { ...DISCOVERY_DEFAULTS, ...options };
  if (files.length === 0) return [];
  const perFile = Math.ceil(o.sampleChars / files.length);
  const words = new Map<string, Tally>();
  const pairs = new Map<string, Tally>();
  let total = 0;
  const isFunctionWord = new Map<string, boolean>();
  const functionWord = (w: string) => {
    let known = isFunctionWord.get(w);
    if (known === undefined) {
      known =
        w.length < 3 || STOPWORDS.has(w) || perMillionInEnglish(w) >= o.functionWordPerMillion;
      isFunctionWord.set(w, known);
    }
    return known;
  };
  files.forEach((file, index) => {
    const text = file.text.slice(0, perFile);
    let previous: { key: string; surface: string; end: number } | null = null;
    for (const m of text.matchAll(WORD)) {
      // Markup left in the text ("[REF]", "&nbsp;") is no word of the article.
      if (MARKUP_BEFORE.test(text[m.index - 1] ?? "")) {
        previous = null;
        continue;
      }
      const surface = stripPossessive(m[0]);
      const key = surface.toLowerCase();
      total++;
      const gap = previous === null ? "\n" : text.slice(previous.end, m.index);
      // After "the"/"of", or opening a sentence (a subject): where nouns stand.
      const afterMarker =
        (previous !== null && NOUN_MARKERS.has(previous.key) && PHRASE_GAP.test(gap)) ||
        SENTENCE_START.test(gap);
      tallyInto(words, key, surface, index, afterMarker);
      const content = !functionWord(key);
      if (
        content &&
        previous &&
        !functionWord(previous.key) &&
        PHRASE_GAP.test(text.slice(previous.end, m.index))
      ) {
        tallyInto(pairs, `${previous.key} ${key}`, `${previous.surface} ${surface}`, index, false);
      }
      previous = { key, surface, end: m.index + m[0].length };
    }
  });
  const minCount = Math.max(3, Math.round(total / 25_000));
  const perMillion = (count: number) => (count * 1_000_000) / total;
  const specificity = (key: string, count: number) =>
    perMillion(count) / (perMillionInEnglish(key) + 1);
  const spread = (t: Tally) => files.length === 1 || t.files >= 2;

  const candidates: { key: string; tally: Tally; score: number; words: string[] }[] = [];
  for (const [key, tally] of words) {
    if (tally.count < minCount || functionWord(key) || !spread(tally)) continue;
    const name = tally.capitalised / tally.count > 0.8;
    // A topic word is a noun: often after "the"/"of"; never an adverb.
    const noun =
      tally.nounLike / tally.count >= MIN_NOUN_SHARE &&
      !/ly$/.test(key) &&
      (nounShare(key) ?? 1) >= o.minNounShare;
    if (!name && !noun) continue;
    const spec = specificity(key, tally.count);
    if (spec < o.minSpecificity) continue;
    candidates.push({ key, tally, score: tally.count * Math.log(spec), words: [key] });
  }
  for (const [key, tally] of pairs) {
    if (tally.count < minCount || !spread(tally)) continue;
    const parts = key.split(" ");
    const rarer = Math.min(...parts.map((p) => words.get(p)?.count ?? tally.count));
    if (tally.count / rarer < o.minCohesion) continue;
    if (!namesSomething(parts, o.minNounShare)) continue;
    const spec = Math.max(...parts.map((p) => specificity(p, words.get(p)?.count ?? 0)));
    if (spec < o.minSpecificity / 3) continue;
    candidates.push({ key, tally, score: 1.5 * tally.count * Math.log(spec), words: parts });
  }
  candidates.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));

  const takenAliases = new Set(taken.flatMap((t) => t.aliases.map((a) => a.toLowerCase())));
  const takenIds = new Set(taken.map((t) => t.id));
  const chosen: TopicDefinition[] = [];
  const chosenKeys = new Set<string>();
  for (const c of candidates) {
    if (chosen.length >= o.maxTopics) break;
    const key = c.words.length === 1 ? singular(c.key, words) : c.key;
    if (chosenKeys.has(key) || takenAliases.has(key)) continue;
    // A word that mostly occurs inside a chosen phrase is that phrase ("market" in "free market").
    const inside = c.words.length === 1 && [...chosenKeys].some((k) => k.split(" ").includes(key));
    if (inside) continue;
    chosenKeys.add(key);
    const id = slug(key, takenIds);
    takenIds.add(id);
    chosen.push({
      id,
      label: labelOf(c.key, c.tally),
      aliases: aliasForms(key),
      discovered: true,
      ...(c.tally.capitalised / c.tally.count > 0.8 ? { entity: true } : {}),
    });
  }
  return chosen;
}

/**
 * A two-word phrase names something when it is a noun phrase: its last word is mostly a noun
 * ("strategic value", "export controls") and its first is mostly no verb ("subnet pays",
 * "earns emissions", "models become" are clauses). Words WordNet does not know pass.
 */
function namesSomething(parts: readonly string[], minNounShare: number): boolean {
  const head = partOfSpeechShares(parts[parts.length - 1] ?? "");
  const first = partOfSpeechShares(parts[0] ?? "");
  return (
    (head === undefined || head.noun >= minNounShare) && (first === undefined || first.verb < 0.5)
  );
}

function labelOf(key: string, t: Tally): string {
  let best = key;
  let most = t.count - [...(t.forms?.values() ?? [])].reduce((a, b) => a + b, 0);
  for (const [form, n] of t.forms ?? []) if (n > most) [best, most] = [form, n];
  return best;
}

/** The phrase and its last word's plural or singular: "hydroelectric dam(s)". */
function aliasForms(key: string): string[] {
  const forms = new Set([key]);
  if (/ies$/.test(key)) forms.add(key.replace(/ies$/, "y"));
  else if (/[^s]s$/.test(key)) forms.add(key.slice(0, -1));
  else if (/(?:s|x|ch|sh)$/.test(key)) forms.add(`${key}es`);
  else if (/[^aeiou]y$/.test(key)) forms.add(`${key.slice(0, -1)}ies`);
  else forms.add(`${key}s`);
  return [...forms];
}

function slug(key: string, taken: Set<string>): string {
  const base = key.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "topic";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
