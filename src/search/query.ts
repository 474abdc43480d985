import { isEnglishWord, isName, SPECIFICITY_DEFAULTS, specificity } from "./background.ts";
import { SEARCH_DEFAULTS } from "./defaults.ts";
import { closestTerm, termsExtending } from "./fuzzy.ts";
import { englishCorrection, realWordSlip } from "./spelling.ts";
import { QUESTION_WORDS, STOPWORDS } from "./stopwords.ts";
import { type AnalyzedToken, analyze } from "./tokenize.ts";
import type { AliasMap } from "./types.ts";
import { isVerbOfDoing, relatedWords } from "./wordnet.ts";

/** What query analysis needs to know about the index it will run against. */
export interface Vocabulary {
  has(term: string): boolean;
  documentFrequency(term: string): number;
  idf(term: string): number;
  /** Number of documents. */
  readonly size: number;
  /** Written forms of indexed words with their index terms. */
  surfaceForms(): Iterable<[string, string]>;
}

/** A term the scorer looks up, with how much it counts. */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Confidence credit when a document matches through this term (1 = the word itself). */
  credit: number;
}

/**
 * One content word of the question, with the terms that can stand for it (itself, its
 * aliases, its typo correction). Confidence asks: how many groups did a document cover?
 */
export interface QueryGroup {
  word: string;
  occurrences: number;
  terms: WeightedTerm[];
  /** Importance of the word: the idf of its best term, or of an unseen term when none exist. */
  idf: number;
  /**
   * How much the word says about what is asked, from general English (background.ts):
   * near 0 for filler ("main", "actually"), 1 for names and rare words. Confidence weighs
   * the words a passage covers by it.
   */
  specificity: number;
  /** The word names something (see isName, or capitalised mid-question). */
  name: boolean;
}

export interface AnalyzedQuery {
  groups: QueryGroup[];
  /** Index terms in question order (with corrections), for phrase proximity. */
  sequence: string[];
  /** Words nothing in the index matched, not even after typo correction or aliases. */
  unknown: string[];
  /**
   * Words that name something (a proper noun, a word no dictionary has, a
   * number, or a word capitalised mid-question) that the index does not hold, itself or as
   * an alias or spelling: the question is about what the corpus never mentions.
   */
  unknownNames: string[];
  /**
   * The group of the action a how-to question asks to perform ("how do I bridge TAO" ->
   * bridge), when it is a verb of doing: a passage that never mentions the action cannot
   * tell anyone how to do it.
   */
  action?: QueryGroup;
}

// "how do I stake…", "how can we register…", "how to bridge…": the word after the frame is the
// action asked about. Adverbs people slip in ("how do I actually run…") are skipped.
const HOW_TO =
  /\bhow\s+(?:(?:do|can|could|should|would|might)\s+(?:i|we|you|one|someone|people)|to)\s+(?:(?:actually|even|best|just|still)\s+)?(\p{L}+)/iu;

function actionGroup(text: string, groups: readonly QueryGroup[]): QueryGroup | undefined {
  const verb = HOW_TO.exec(text)?.[1]?.toLowerCase();
  if (!verb || !isVerbOfDoing(verb)) return undefined;
  return groups.find((group) => group.word === verb);
}

/**
 * Index terms for a word the index does not have. A non-word is a slip: the nearest index
 * word as written ("bitensor" -> bittensor), else the index term of the everyday word it was
 * meant to be ("deploymant" -> deployment). A real English word is "corrected" to another
 * only when it is rare and one edit from a much commoner word of the corpus (realWordSlip);
 * otherwise it may still reach its longer relatives ("censored" -> censorship). A correction
 * both readings agree on counts as the word itself.
 */
function spellingTerms(
  token: AnalyzedToken,
  meant: string | undefined,
  vocabulary: Vocabulary,
  specificity: number,
): "question word" | { terms: WeightedTerm[]; corrected?: string } {
  const guess = SEARCH_DEFAULTS.fuzzyWeight;
  const meantTerm = meant ? analyze(meant)[0]?.term : undefined;
  const fix = isEnglishWord(token.surface)
    ? undefined
    : closestTerm(
        token.surface,
        vocabulary.surfaceForms(),
        (term) => vocabulary.documentFrequency(term),
        SEARCH_DEFAULTS.fuzzy,
      );
  if (fix && QUESTION_WORDS.has(fix)) return "question word";
  // Counted in full for confidence: one slipped letter must not silence a question.
  if (fix)
    return {
      terms: [{ term: fix, weight: fix === meantTerm ? 1 : guess, credit: 1 }],
      corrected: fix,
    };
  if (meantTerm && vocabulary.has(meantTerm)) {
    return { terms: [{ term: meantTerm, weight: 1, credit: 1 }], corrected: meantTerm };
  }
  const slip = meant ? undefined : realWordSlip(token.surface, vocabulary.surfaceForms());
  if (slip) return { terms: [{ term: slip, weight: guess, credit: 1 }], corrected: slip };
  // Filler ("quick" -> quickly) is not widened: its relatives only add noise.
  if (specificity < SEARCH_DEFAULTS.related.minSpecificity) return { terms: [] };
  const extending = termsExtending(token.term, vocabulary.surfaceForms(), (t) =>
    vocabulary.documentFrequency(t),
  );
  return { terms: extending.map((term) => ({ term, weight: guess, credit: guess })) };
}

/** Words written with a capital inside a question that is not all capitals ("the Talisman wallet"). */
function capitalisedInside(text: string): Set<string> {
  if (text === text.toUpperCase()) return new Set();
  const found = new Set<string>();
  // A capital then small letters ("Render", "MacBook"): a word in capitals ("HACKED") is
  // shouting, and acronyms that name things are caught by isName.
  for (const match of text.matchAll(/(?<=[\p{L}\p{N},;:)] +)\p{Lu}\p{Ll}[\p{L}\p{N}]*/gu)) {
    found.add(match[0].toLowerCase());
  }
  return found;
}

export interface QueryAnalysisOptions {
  aliases?: AliasMap;
  fuzzy?: boolean;
  maxQueryTerms?: number;
  /** Add words related in meaning (WordNet) that the index holds, at a low weight. */
  related?: boolean;
}

/**
 * Index terms for the words WordNet relates to `word`, one per related word that analyses
 * to a single term the index has (multi-word entries like "make up" are left out).
 */
function relatedTerms(word: string, own: ReadonlySet<string>, vocabulary: Vocabulary): string[] {
  const found = new Set<string>();
  // A relative in a large share of passages ("good", "come") tells them apart no better
  // than chance and costs a long postings scan: left out.
  const maxDf = vocabulary.size * SEARCH_DEFAULTS.related.maxShare;
  for (const related of relatedWords(word)) {
    const analysed = analyze(related);
    const term = analysed.length === 1 ? analysed[0]?.term : undefined;
    if (
      term &&
      !own.has(term) &&
      vocabulary.has(term) &&
      vocabulary.documentFrequency(term) <= maxDf
    ) {
      found.add(term);
    }
  }
  return [...found];
}

function aliasTargets(aliases: AliasMap | undefined, lowered: string, words: Set<string>) {
  const hits = new Map<string, string[]>();
  if (!aliases) return hits;
  for (const [key, values] of Object.entries(aliases)) {
    const wanted = key.toLowerCase().trim();
    const isPhrase = /\s/.test(wanted);
    const present = isPhrase
      ? new RegExp(
          `(^|[^\\p{L}\\p{N}])${wanted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}\\p{N}])`,
          "u",
        ).test(lowered)
      : words.has(wanted) || analyze(wanted).some((token) => words.has(token.term));
    if (!present) continue;
    const targets = values.flatMap((value) => analyze(value).map((token) => token.term));
    hits.set(isPhrase ? wanted : (analyze(wanted)[0]?.term ?? wanted), targets);
  }
  return hits;
}

/**
 * Turns a chat question (or a whole argument) into weighted index terms: stopwords and
 * question words go, repeated words count more, caller aliases are added, and words the
 * index has never seen are corrected to the closest vocabulary term when one is near.
 */
export function analyzeQuery(
  text: string,
  vocabulary: Vocabulary,
  options: QueryAnalysisOptions = {},
): AnalyzedQuery {
  const tokens = analyze(text, QUESTION_WORDS);
  const capitalised = capitalisedInside(text);
  const words = new Set(tokens.flatMap((token) => [token.surface, token.term]));
  const aliases = aliasTargets(options.aliases, text.toLowerCase(), words);
  const unseenIdf = vocabulary.idf("\u0000");
  const groups = new Map<string, QueryGroup>();
  const corrections = new Map<string, string | undefined>();
  const sequence: string[] = [];

  for (const token of tokens) {
    const existing = groups.get(token.term);
    if (existing) {
      existing.occurrences++;
      const corrected = corrections.get(token.term);
      if (corrected) sequence.push(corrected);
      else if (vocabulary.has(token.term)) sequence.push(token.term);
      continue;
    }
    const known = vocabulary.has(token.term);
    // A slip on an everyday word: "becuase" is a stopword, "autor" a question word.
    const meant = known ? undefined : englishCorrection(token.surface);
    if (meant && (STOPWORDS.has(meant) || QUESTION_WORDS.has(meant))) continue;
    const group: QueryGroup = {
      word: token.surface,
      occurrences: 1,
      terms: [],
      idf: unseenIdf,
      specificity: specificity(meant ?? token.surface),
      name: capitalised.has(token.surface) || isName(meant ?? token.surface),
    };
    if (known) {
      group.terms.push({ term: token.term, weight: 1, credit: 1 });
      sequence.push(token.term);
    }
    const aliasTerms = aliases.get(token.term) ?? [];
    for (const term of aliasTerms) {
      if (term === token.term || !vocabulary.has(term)) continue;
      group.terms.push({ term, weight: known ? SEARCH_DEFAULTS.aliasWeight : 1, credit: 1 });
    }
    if (!known && aliasTerms.length === 0 && options.fuzzy !== false) {
      const spelling = spellingTerms(token, meant, vocabulary, group.specificity);
      if (spelling === "question word") continue;
      corrections.set(token.term, spelling.corrected);
      if (spelling.corrected) sequence.push(spelling.corrected);
      group.terms.push(...spelling.terms);
      // The word as corrected brings its aliases, as it would have typed right.
      const correctedAliases = spelling.corrected
        ? aliasTargets(options.aliases, "", new Set([spelling.corrected]))
        : new Map<string, string[]>();
      for (const term of [...correctedAliases.values()].flat()) {
        if (vocabulary.has(term) && !group.terms.some((entry) => entry.term === term)) {
          group.terms.push({ term, weight: SEARCH_DEFAULTS.aliasWeight, credit: 1 });
        }
      }
    }
    if (options.related && group.specificity >= SEARCH_DEFAULTS.related.minSpecificity) {
      const own = new Set(group.terms.map((entry) => entry.term));
      for (const term of relatedTerms(meant ?? token.surface, own, vocabulary)) {
        group.terms.push({
          term,
          weight: SEARCH_DEFAULTS.related.weight,
          credit: SEARCH_DEFAULTS.related.credit,
        });
      }
    }
    if (group.terms.length > 0) {
      group.idf = Math.max(...group.terms.map((entry) => vocabulary.idf(entry.term)));
    } else if (!group.name && group.specificity < SEARCH_DEFAULTS.unusedEveryday) {
      // An everyday word the corpus never uses ("main", "investing", "stuff") says how the
      // question is put, not what it is about: nothing here could be asked about it.
      group.specificity = SPECIFICITY_DEFAULTS.minimum;
    }
    groups.set(token.term, group);
  }

  // Multi-word alias keys ("open weight") add their targets as a group of their own.
  for (const [key, targets] of aliases) {
    if (!/\s/.test(key)) continue;
    const terms = targets
      .filter((term) => vocabulary.has(term))
      .map((term) => ({ term, weight: SEARCH_DEFAULTS.aliasWeight, credit: 1 }));
    if (terms.length === 0 || groups.has(key)) continue;
    const idf = Math.max(...terms.map((entry) => vocabulary.idf(entry.term)));
    groups.set(key, {
      word: key,
      occurrences: 1,
      terms,
      idf,
      specificity: specificity(key),
      name: key.split(" ").some((word) => isName(word)),
    });
  }

  let kept = [...groups.values()];
  if (options.maxQueryTerms && kept.length > options.maxQueryTerms) {
    kept = kept
      .sort((x, y) => y.idf * y.occurrences - x.idf * x.occurrences)
      .slice(0, options.maxQueryTerms);
  }
  const unknown = kept.filter((group) => group.terms.length === 0).map((group) => group.word);
  // A name reached only through WordNet relatives or longer forms ("Render" -> supply) is
  // still a name the corpus never mentions.
  const unknownNames = kept
    .filter((group) => !group.terms.some((entry) => entry.credit === 1))
    .filter((group) => group.name)
    .map((group) => group.word);
  const action = actionGroup(text, kept);
  return { groups: kept, sequence, unknown, unknownNames, ...(action ? { action } : {}) };
}
