import { SEARCH_DEFAULTS } from "./defaults.ts";
import { closestTerm, termsExtending } from "./fuzzy.ts";
import { QUESTION_WORDS } from "./stopwords.ts";
import { analyze } from "./tokenize.ts";
import type { AliasMap } from "./types.ts";

/** What query analysis needs to know about the index it will run against. */
export interface Vocabulary {
  has(term: string): boolean;
  documentFrequency(term: string): number;
  idf(term: string): number;
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
}

export interface AnalyzedQuery {
  groups: QueryGroup[];
  /** Index terms in question order (with corrections), for phrase proximity. */
  sequence: string[];
  /** Words nothing in the index matched, not even after typo correction or aliases. */
  unknown: string[];
}

export interface QueryAnalysisOptions {
  aliases?: AliasMap;
  fuzzy?: boolean;
  maxQueryTerms?: number;
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
    const group: QueryGroup = { word: token.surface, occurrences: 1, terms: [], idf: unseenIdf };
    const known = vocabulary.has(token.term);
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
      const fix = closestTerm(
        token.surface,
        vocabulary.surfaceForms(),
        (term) => vocabulary.documentFrequency(term),
        SEARCH_DEFAULTS.fuzzy,
      );
      corrections.set(token.term, fix);
      const credit = SEARCH_DEFAULTS.fuzzyWeight;
      if (fix) {
        group.terms.push({ term: fix, weight: credit, credit });
        sequence.push(fix);
      } else {
        for (const term of termsExtending(token.term, vocabulary.surfaceForms(), (t) =>
          vocabulary.documentFrequency(t),
        )) {
          group.terms.push({ term, weight: credit, credit });
        }
      }
    }
    if (group.terms.length > 0) {
      group.idf = Math.max(...group.terms.map((entry) => vocabulary.idf(entry.term)));
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
    groups.set(key, { word: key, occurrences: 1, terms, idf });
  }

  let kept = [...groups.values()];
  if (options.maxQueryTerms && kept.length > options.maxQueryTerms) {
    kept = kept
      .sort((x, y) => y.idf * y.occurrences - x.idf * x.occurrences)
      .slice(0, options.maxQueryTerms);
  }
  const unknown = kept.filter((group) => group.terms.length === 0).map((group) => group.word);
  return { groups: kept, sequence, unknown };
}
