import { stemmer } from "stemmer";
import { IRREGULAR_BASE } from "./irregular-forms.ts";
import { STOPWORDS } from "./stopwords.ts";

/** One content word of a text: its index term (stemmed) and the word as written. */
export interface AnalyzedToken {
  term: string;
  surface: string;
}

// Dotted acronyms (U.S., e.g.), numbers with separators (1,564.67 / 3.5), and words with
// inner apostrophes (China's, don't). "$", "%", hyphens and dashes separate tokens, so
// "$TAO" -> tao, "90–97%" -> 90 97, "open-weight" -> open weight.
const TOKEN_PATTERN = /(?:\p{L}\.){2,}|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

const stemCache = new Map<string, string>();

function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{N}/u.test(word) ? word : stemmer(word);
    // Porter turns "use", "used", "uses" into "us", the country's term: "How does China use
    // AI" would match every sentence about America.
    if (stemmed === "us" && word !== "us") stemmed = "use";
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Folds the typographic variants chat users and articles mix freely. */
function normalise(text: string): string {
  return text.normalize("NFKC").replace(/[\u2018\u2019\u02bc\u2032`]/g, "'");
}

/**
 * Splits text into index terms: lower case, stopwords dropped, Porter-stemmed.
 * A capitalised two-letter acronym ("US", "U.S.") survives the stopword list, because
 * "U.S. export controls" is about the country, not the pronoun.
 */
export function analyze(text: string, extraStopwords?: ReadonlySet<string>): AnalyzedToken[] {
  const tokens: AnalyzedToken[] = [];
  for (const match of normalise(text).matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const isAcronym = raw.includes(".") && /\p{L}/u.test(raw) ? true : /^\p{Lu}{2}$/u.test(raw);
    let word = raw.toLowerCase();
    if (raw.includes(".") && !/^\p{N}/u.test(raw)) word = word.replaceAll(".", "");
    else if (/^\p{N}/u.test(raw)) word = word.replaceAll(",", "");
    if (word.includes("'")) word = word.replace(/'s$/, "").replaceAll("'", "");
    if (word.length === 0) continue;
    if (!isAcronym && (STOPWORDS.has(word) || extraStopwords?.has(word))) continue;
    tokens.push({ term: stem(IRREGULAR_BASE.get(word) ?? word), surface: word });
  }
  return tokens;
}

/** Index terms of a text, in order. */
export function terms(text: string): string[] {
  return analyze(text).map((token) => token.term);
}
