// Decides a claim's kind from its wording and its section. Order matters: a disclaimer
// mentioning risk is a disclaimer; a risk with a percentage is a risk.
import {
  DISCLAIMER_CUES,
  ENUMERATION,
  HEDGE_PATTERN,
  POSSIBILITY,
  PREDICTION_PATTERN,
  QUESTION_END,
  RECOMMENDATION_PATTERN,
  RISK_CUES,
  RISK_DISMISSALS,
  RISK_FALSE_FRIENDS,
  RISK_NEGATION_WINDOW,
  RISK_REMOVALS,
  STATISTIC_PATTERN,
  WEAK_RISK_CUES,
} from "./cue-data.ts";
import {
  type CueMatcher,
  compileCues,
  cueMatches,
  hasCue,
  negatedBy,
  overlaps,
  type Span,
} from "./cues.ts";
import { inHarmSense } from "./risk-sense.ts";
import { NEGATORS } from "./stance-cue-data.ts";
import type { ClaimKind } from "./types.ts";

const DISCLAIMER = compileCues(DISCLAIMER_CUES);
const RISK = compileCues(RISK_CUES);
const WEAK_RISK = compileCues(WEAK_RISK_CUES);
const FALSE_FRIENDS = compileCues(RISK_FALSE_FRIENDS);
const NEGATION = compileCues(NEGATORS.filter((n) => n !== "n't"));

export interface KindContext {
  /** The section's heading raises risks ("But This Is Not a Risk-Free Trade", "Risk Warning"). */
  riskSection: boolean;
  /** A disclaimer or risk-warning section. */
  warningSection: boolean;
  /** The claim continues an enumerated risk ("First, …") in a risk section. */
  inRiskRun: boolean;
}

/** A capitalised word inside a sentence is part of a name ("Union of Concerned Scientists"). */
const inName = (text: string, cue: Span) =>
  cue.first > 0 && /^\p{Lu}\p{Ll}/u.test(text.slice(cue.start, cue.end));

/**
 * A risk word counts unless a negation stands a few words before it, it is a false friend,
 * it is part of a name, or it is used in another sense than a harm that may come
 * (risk-sense.ts: "risk profiles", "fail to report", "avoid the dangers").
 */
function undeniedCue(pattern: CueMatcher, text: string, nameOnItsOwn: boolean): boolean {
  const cues = cueMatches(pattern, text);
  // Most sentences hold no risk word: then negations and false friends need no finding.
  if (cues.length === 0) return false;
  const negations = cueMatches(NEGATION, text);
  const friends = cueMatches(FALSE_FRIENDS, text);
  return cues.some(
    (cue) =>
      !negatedBy(cue, negations, RISK_NEGATION_WINDOW) &&
      !friends.some((f) => overlaps(f, cue)) &&
      !inName(text, cue) &&
      inHarmSense(text, cue, { nameOnItsOwn }),
  );
}

/**
 * Does the sentence raise a risk? A strong risk word does ("carries real liabilities"); a
 * weak one only about what may happen ("It may fail"); a negated, dismissed or removed
 * risk does not ("not dismissing those concerns", "lowers the barrier to entry").
 */
export function raisesRisk(text: string): boolean {
  const cued =
    undeniedCue(RISK, text, false) ||
    // A weak word names its harm ("censorship", "loss"), even when it modifies a noun.
    (POSSIBILITY.test(text) && undeniedCue(WEAK_RISK, text, true));
  // The dismissal and removal patterns are long: read only when a risk word stands.
  return cued && !RISK_DISMISSALS.test(text) && !RISK_REMOVALS.test(text);
}

export function isEnumerated(text: string): boolean {
  return ENUMERATION.test(text.trim());
}

export function classifyKind(text: string, ctx: KindContext): ClaimKind {
  const t = text.trim();
  if (hasCue(DISCLAIMER, t)) return "disclaimer";
  if (ctx.warningSection) return raisesRisk(t) ? "risk" : "disclaimer";
  if (QUESTION_END.test(t)) return "question";
  if (ctx.riskSection && (isEnumerated(t) || ctx.inRiskRun)) return "risk";
  if (raisesRisk(t)) return "risk";
  if (STATISTIC_PATTERN.test(t)) return "statistic";
  if (RECOMMENDATION_PATTERN.test(t)) return "recommendation";
  if (PREDICTION_PATTERN.test(t)) return "prediction";
  return "assertion";
}

export function isHedged(text: string): boolean {
  return HEDGE_PATTERN.test(text);
}
