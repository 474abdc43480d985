// Decides a claim's kind from its wording and its section. Order matters: a disclaimer
// mentioning risk is a disclaimer; a risk with a percentage is a risk.
import {
  DISCLAIMER_CUES,
  ENUMERATION,
  HEDGE_PATTERN,
  PREDICTION_PATTERN,
  QUESTION_END,
  RECOMMENDATION_PATTERN,
  RISK_CUES,
  RISK_DISMISSALS,
  RISK_FALSE_FRIENDS,
  STATISTIC_PATTERN,
} from "./cue-data.ts";
import { compileCues, hasCue } from "./cues.ts";
import type { ClaimKind } from "./types.ts";

const DISCLAIMER = compileCues(DISCLAIMER_CUES);
const RISK = compileCues(RISK_CUES);
const FALSE_FRIENDS = compileCues(RISK_FALSE_FRIENDS);

export interface KindContext {
  /** The section's heading raises risks ("But This Is Not a Risk-Free Trade", "Risk Warning"). */
  riskSection: boolean;
  /** A disclaimer or risk-warning section. */
  warningSection: boolean;
  /** The claim continues an enumerated risk ("First, …") in a risk section. */
  inRiskRun: boolean;
}

export function raisesRisk(text: string): boolean {
  const cleaned = text.replace(FALSE_FRIENDS, " ");
  return hasCue(RISK, cleaned) && !RISK_DISMISSALS.test(text);
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
