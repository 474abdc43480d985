// When the user states a position ("This house would ban boxing", "Advertising is harmful")
// rather than asks a question, the passages that answer it are arguments about what it
// names: claims that name its target (best as the subject of a clause) and read as claims
// (claim-strength.ts), weighed together with how well they match its words.
import type { SearchHit } from "../search/index.ts";
import { claimLikeness } from "./claim-strength.ts";
import type { CorpusView } from "./corpus-view.ts";
import { resolveTarget } from "./target.ts";
import { targetIsSubject } from "./target-role.ts";

export const POSITION_DEFAULTS = {
  /**
   * Weight of claim-likeness (log-odds) against the search score scaled to the best hit's.
   * Tuned on the tune half of the Claim Stance motions (1 and 4 did no better). Defaults to 2.
   */
  likenessWeight: 2,
  /** Weight of naming the position's target. Defaults to 2. */
  targetWeight: 2,
  /**
   * Weight of the target being a clause's subject (target-role.ts): the claim argues about
   * it. On the tune motions 0, 1, 2, 3 gave ask P@3 0.294, 0.373, 0.373, 0.333; leave one
   * topic out chose 1 for every topic. Defaults to 1.
   */
  subjectWeight: 1,
} as const;

/** Claim ids, best first: the search hits and the claims naming the position's target. */
export function positionRanking(
  view: CorpusView,
  statement: string,
  hits: readonly SearchHit[],
): string[] {
  const top = hits[0]?.score || 1;
  const relevance = new Map(hits.map((h) => [h.id, h.score / top]));
  const target = resolveTarget(statement, view.ledger.claims);
  const named = [target?.topic, ...(target?.within ?? [])];
  const candidates = new Set(hits.map((h) => h.id));
  const namesTarget = new Set<string>();
  const subjects = new Set<string>();
  if (target)
    for (const claim of view.ledger.claims) {
      if (claim.kind === "question" || claim.kind === "disclaimer") continue;
      const mentions = target.set.findMentions(claim.text).filter((m) => named.includes(m.topic));
      if (mentions.length > 0) {
        namesTarget.add(claim.id);
        candidates.add(claim.id);
        if (targetIsSubject(claim.text, mentions)) subjects.add(claim.id);
      }
    }
  return [...candidates]
    .map((id) => ({
      id,
      score:
        (relevance.get(id) ?? 0) +
        POSITION_DEFAULTS.likenessWeight * claimLikeness(view.claim(id)?.text ?? "") +
        (namesTarget.has(id) ? POSITION_DEFAULTS.targetWeight : 0) +
        (subjects.has(id) ? POSITION_DEFAULTS.subjectWeight : 0),
    }))
    .sort((a, b) => b.score - a.score)
    .map((s) => s.id);
}
