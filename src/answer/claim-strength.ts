// How well a claim stands as one side of an argument about a target. An argument names its
// target, takes a side, and reads like an argument (claim-features.ts): someone argues it,
// it says what something causes or can do, it judges (adjectives, sentiment), it gives its
// reason in a "that" clause. A sentence that narrates (a year, numbers, "was", a string of
// names) reports rather than argues. The weights are a logistic regression of "this sentence
// holds a labelled claim" on those features, fitted on the claims that name the target in
// the tune half of the Claim Stance topics (l2 30); held-out topics were never looked at.
import { polarityToward } from "../corpus/stance.ts";
import type { Claim, Stance } from "../corpus/types.ts";
import { type ClaimFeatures, claimFeatures } from "./claim-features.ts";
import type { Target } from "./target.ts";
import { targetIsSubject } from "./target-role.ts";

const WEIGHTS: Record<keyof ClaimFeatures, number> = {
  adjectiveShare: 5.2,
  numberShare: -4.5,
  sentiment: 0.34,
  modal: 0.63,
  argued: 0.82,
  effect: 0.5,
  that: 0.75,
  year: -0.31,
  past: -0.8,
  names: -0.25,
  short: -1.08,
  full: 0,
};

/**
 * A claim whose target is the subject of a clause argues about it (target-role.ts). Chosen
 * leave-one-topic-out on the tune topics from 0, 0.3, 0.5, 1, 1.5, 2 (gold quotes 36, 36,
 * 37, 38, 40, 34 of 99); every held-out topic chose 1.5.
 */
const SUBJECT_WEIGHT = 1.5;

/** Log-odds, up to a constant, that the text is an argued claim rather than a report. */
export function claimLikeness(text: string): number {
  const features = claimFeatures(text);
  let score = 0;
  for (const [name, weight] of Object.entries(WEIGHTS))
    score += weight * features[name as keyof ClaimFeatures];
  return score;
}

export function strength(claim: Claim, target: Target, side: Stance): number {
  const { topic, set } = target;
  const text = claim.text;
  const named = [topic, ...target.within];
  let score = 0;
  const mentions = set.findMentions(text).filter((m) => named.includes(m.topic));
  if (mentions.length > 0) score += 2;
  if (targetIsSubject(text, mentions)) score += SUBJECT_WEIGHT;
  const polarity = Math.max(...named.map((t) => Math.abs(polarityToward(text, t, set))));
  score += 0.5 * Math.min(2, polarity);
  if (side === "bull" && ["assertion", "prediction", "statistic"].includes(claim.kind))
    score += 0.17;
  if (side === "bear" && claim.kind === "risk") score += 0.37;
  score += claimLikeness(text);
  if (claim.hedged) score -= 0.56;
  // A rhetorical question ("Who creates incentives…? This is where…") argues weakly.
  if (text.includes("?")) score -= 1.5;
  return score;
}
