// What a risk threatens, for deciding which risks are one. Two risks are one when they
// name the same harm about the same thing (a topic both name that is not what the whole
// corpus is about): the same harm word (by stem) befalling the same noun ("loss of
// habitat", "habitat loss"), or the same harm word where neither says what it befalls
// ("uncertain"). Sharing a cue word alone merges nothing: "losses" of a casino and "loss"
// of habitat, "lose all your principal" and "lose diffusion" stay apart.

import { RISK_CUES, THREAT_CUES, WEAK_RISK_CUES } from "../corpus/cue-data.ts";
import { compileCues, cueMatches } from "../corpus/cues.ts";
import { harmedThing } from "../corpus/risk-sense.ts";
import type { Claim } from "../corpus/types.ts";
import { terms } from "../search/index.ts";

/**
 * Words too general to tell one risk from another when comparing wording or harms: words
 * that say there is a harm without saying which ("risk", "concern", "threat").
 */
export const GENERIC_RISK_WORDS = new Set([
  "risk",
  "risks",
  "risky",
  "concern",
  "concerns",
  "concerned",
  "threat",
  "threats",
  "danger",
  "dangers",
  "dangerous",
  "major",
  "real",
  "may",
  "might",
  "can",
  "could",
  "still",
  "also",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "there",
  "are",
  "the",
  "this",
  "that",
  "those",
]);

const HARM_CUES = compileCues([...RISK_CUES, ...WEAK_RISK_CUES, ...THREAT_CUES]);

/**
 * The harms a risk names: each risk word's stem with what it befalls, "loss>habitat",
 * "vulner>drought" (risk-sense.ts), or the stem alone when the sentence names nothing it
 * befalls ("uncertain"). Generic words ("risk", "threat") are left out.
 */
export function harmsOf(text: string): Set<string> {
  const harms = new Set<string>();
  for (const cue of cueMatches(HARM_CUES, text)) {
    const thing = harmedThing(text, cue);
    for (const stem of terms(text.slice(cue.start, cue.end)))
      if (!GENERIC_RISK_WORDS.has(stem)) harms.add(thing ? `${stem}>${thing}` : stem);
  }
  return harms;
}

/**
 * The topics a risk is about that tell it apart: those its claims name, less those most of
 * the corpus names (in a corpus about boxing, "boxing" says nothing about which risk).
 */
export function distinctiveTopics(
  claims: readonly Claim[],
  common: ReadonlySet<string>,
): Set<string> {
  return new Set(claims.flatMap((c) => c.topics).filter((t) => !common.has(t)));
}

/** Topics named by more than this share of all claims are the corpus's subject. */
export const COMMON_TOPIC_SHARE = 0.2;

export function commonTopics(claims: readonly Claim[]): Set<string> {
  const counts = new Map<string, number>();
  for (const c of claims) for (const t of c.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  return new Set(
    [...counts].filter(([, n]) => n > claims.length * COMMON_TOPIC_SHARE).map(([t]) => t),
  );
}

export const shareAny = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};
