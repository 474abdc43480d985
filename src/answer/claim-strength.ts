// How well a claim stands as one side of an argument about a target. An argument names its
// target, takes a side plainly (sentiment toward the target), says what something does or
// can do in general ("can cause", "leads to", "should"), and stands alone. A sentence that
// narrates (dates, figures, a string of names) reports rather than argues.
import { polarityToward } from "../corpus/stance.ts";
import type { Claim, Stance } from "../corpus/types.ts";
import type { Target } from "./target.ts";

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Verbs of general effect and obligation: what arguments are made of. */
const ARGUING =
  /\b(?:can|cannot|could|may|might|would|should|must|tends? to|leads? to|led to|results? in|causes?|allows?|enables?|helps?|prevents?|reduces?|increases?|improves?|benefits?|harms?|damages?|threatens?|undermines?|promotes?|encourages?|protects?|violates?)\b/i;
/** A year or a figure: a report of what happened, not a claim about what is. */
const NARRATIVE_FIGURE = /\b(?:1[5-9]\d\d|20\d\d)s?\b|\d[\d,.]*\s?(?:%|percent|million|billion)/i;
const CAPITALISED_INSIDE = /(?<=\S\s+)\p{Lu}\p{Ll}+/gu;

export function strength(claim: Claim, target: Target, side: Stance): number {
  const { topic, set } = target;
  const text = claim.text;
  let score = 0;
  if (set.findMentions(text).some((m) => m.topic === topic)) score += 2;
  score += 0.5 * Math.min(2, Math.abs(polarityToward(text, topic, set)));
  if (side === "bull" && ["assertion", "prediction", "statistic"].includes(claim.kind)) score += 1;
  if (side === "bear" && claim.kind === "risk") score += 1;
  if (ARGUING.test(text)) score += 1;
  if (NARRATIVE_FIGURE.test(text)) score -= 1;
  const names = text.match(CAPITALISED_INSIDE)?.length ?? 0;
  score -= Math.min(2, 0.5 * Math.max(0, names - 1));
  const n = words(text);
  if (n >= 8 && n <= 45) score += 1;
  if (n < 5) score -= 2;
  if (claim.hedged) score -= 0.5;
  // A rhetorical question ("Who creates incentives…? This is where…") argues weakly.
  if (text.includes("?")) score -= 1.5;
  return score;
}
