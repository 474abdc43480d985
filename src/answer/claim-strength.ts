// How well a claim stands as one side of an argument about a target. An argument names its
// target, takes a side, and reads like an argument: someone argues or claims it, it says
// what something causes or can do, it gives its reason in a "that" clause. A sentence that
// narrates (a year, "was", "had", a string of names) reports rather than argues. The weights
// are how much more often each marker occurs in argued claims than in other sentences about
// the same topic (log of the ratio, measured on the tune half of the Claim Stance topics).
import { polarityToward } from "../corpus/stance.ts";
import type { Claim, Stance } from "../corpus/types.ts";
import type { Target } from "./target.ts";

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

interface Marker {
  pattern: RegExp;
  weight: number;
}

const MARKERS: readonly Marker[] = [
  {
    // Someone argues it: reporting verbs of opinion and the sides of a debate.
    pattern:
      /\b(?:argues?|argued|claims?|claimed|believes?|believed|contends?|maintains?|according to|critics|proponents|supporters|opponents|advocates)\b/i,
    weight: 1.1,
  },
  {
    // What something does: verbs of effect.
    pattern:
      /\b(?:leads? to|led to|results? in|causes?|caused|allows?|enables?|helps?|prevents?|reduces?|increases?|improves?|benefits?|harms?|damages?|threatens?|undermines?|promotes?|encourages?|protects?|violates?)\b/i,
    weight: 0.9,
  },
  { pattern: /\b(?:can|cannot|could|may|might|would|should|must)\b/i, weight: 0.7 },
  { pattern: /\bthat\b/i, weight: 0.6 },
  // A date or a past-tense report narrates.
  { pattern: /\b(?:1[5-9]\d\d|20\d\d)s?\b/, weight: -1.5 },
  { pattern: /\b(?:was|were|had)\b/i, weight: -1.2 },
];
const CAPITALISED_INSIDE = /(?<=\S\s+)\p{Lu}\p{Ll}+/gu;

export function strength(claim: Claim, target: Target, side: Stance): number {
  const { topic, set } = target;
  const text = claim.text;
  let score = 0;
  if (set.findMentions(text).some((m) => m.topic === topic)) score += 2;
  score += 0.5 * Math.min(2, Math.abs(polarityToward(text, topic, set)));
  if (side === "bull" && ["assertion", "prediction", "statistic"].includes(claim.kind)) score += 1;
  if (side === "bear" && claim.kind === "risk") score += 1;
  for (const m of MARKERS) if (m.pattern.test(text)) score += m.weight;
  // A string of names tells a story about people, not about the target.
  if ((text.match(CAPITALISED_INSIDE)?.length ?? 0) >= 3) score -= 0.4;
  const n = words(text);
  if (n >= 8) score += 1;
  if (n < 5) score -= 2;
  if (claim.hedged) score -= 0.5;
  // A rhetorical question ("Who creates incentives…? This is where…") argues weakly.
  if (text.includes("?")) score -= 1.5;
  return score;
}
