// A target named by a common word is kept as the user's whole noun phrase when the articles
// say that phrase: "American Jobs Act" is that act, not every "act"; "school leaving age" is
// not every "age"; "freedom of speech" is not every "freedom". A common English word names
// many things in one corpus, a rare one ("dam", "voucher") names one thing, so only the
// former grows. The phrase grows from the topic's word over the user's neighbouring words
// (across one grammar word between two others, "freedom of speech") while enough claims
// still say it.
import { perMillionInEnglish } from "../corpus/background-english.ts";
import type { Claim } from "../corpus/types.ts";
import { phrasePattern, wordsOfPhrase } from "./phrase-forms.ts";

export const WHOLE_NAME_DEFAULTS = {
  /**
   * A word at least this common per million words of English (SUBTLEX) is an everyday word
   * that names many things ("act" 112, "age" 81, "market" 37); "document" (10), "dam" (6)
   * and "voucher" (1) name one. Defaults to 20.
   */
  commonPerMillion: 20,
  /** Claims that must say the whole phrase for it to be what the articles discuss. Defaults to 5. */
  minClaims: 5,
  /** Words this common or more ("the", "of", "to") only join two others. Defaults to 1000. */
  grammarPerMillion: 1000,
} as const;

/**
 * The user's noun phrase around `name` (a topic's name found in `text`) when `name` is an
 * everyday word and at least `minClaims` claims say a longer phrase; null otherwise.
 */
export function wholeName(
  text: string,
  name: string,
  claims: readonly Claim[],
  defaults = WHOLE_NAME_DEFAULTS,
): string | null {
  const nameWords = wordsOfPhrase(name);
  const rarest = Math.min(...nameWords.map((w) => perMillionInEnglish(w)));
  if (nameWords.length === 0 || rarest < defaults.commonPerMillion) return null;
  const all = wordsOfPhrase(text);
  let from = all.findIndex((_, i) => nameWords.every((w, k) => all[i + k] === w));
  if (from < 0) return null;
  let to = from + nameWords.length;
  const counts = new Map<string, boolean>();
  const said = (phrase: string) => {
    let known = counts.get(phrase);
    if (known === undefined) {
      const pattern = phrasePattern(phrase);
      let n = 0;
      for (const c of claims) if (pattern.test(c.text) && ++n >= defaults.minClaims) break;
      known = n >= defaults.minClaims;
      counts.set(phrase, known);
    }
    return known;
  };
  const grammar = (w: string) => perMillionInEnglish(w) >= defaults.grammarPerMillion;
  // One step outward: a word, or a grammar word with the word beyond it ("of speech").
  const step = (at: number, dir: -1 | 1): number => {
    const w = all[at];
    if (w === undefined) return 0;
    if (!grammar(w)) return 1;
    const beyond = all[at + dir];
    return beyond !== undefined && !grammar(beyond) ? 2 : 0;
  };
  const phraseOf = (a: number, b: number) => all.slice(a, b).join(" ");
  for (;;) {
    const left = step(from - 1, -1);
    const right = step(to, 1);
    if (left && said(phraseOf(from - left, to))) from -= left;
    else if (right && said(phraseOf(from, to + right))) to += right;
    else break;
  }
  return to - from > nameWords.length ? phraseOf(from, to) : null;
}
