// Bull/bear pairing: the strongest bullish claims about a topic, each set against the
// bearish claim that most directly answers it. "Most directly" is counter-argument
// retrieval (search/counter.ts) over the topic's bearish claims, with the bull claim as the
// argument; "strongest" prefers claims that name the topic, stand alone and do not hedge.
import { stancesIn } from "../corpus/stance.ts";
import type { Claim, Stance } from "../corpus/types.ts";
import { createSearchIndex, findCounterArguments } from "../search/index.ts";
import { strength } from "./claim-strength.ts";
import type { CorpusView } from "./corpus-view.ts";
import type { Target } from "./target.ts";
import type { BullBearPair } from "./types.ts";

export const BULLBEAR_DEFAULTS = { pairs: 3, maxPairs: 10, relevanceWeight: 1 } as const;

/** The claim's stance toward the target's topic: from the ledger, or read now for a phrase. */
function stanceOf(claim: Claim, target: Target): Stance | undefined {
  if (!target.adHoc) {
    const own = claim.stances[target.topic];
    if (own === "bull" || own === "bear") return own;
    // A topic whose name holds the target's ("playoff system") speaks about the target.
    const held = target.within.map((t) => claim.stances[t]).filter((s) => s !== undefined);
    return held.find((s) => s !== "neutral") ?? own ?? held[0];
  }
  const stance = stancesIn(claim.text, target.set)[target.topic];
  // A risk counts against what it names, as in the ledger (corpus/claims.ts).
  return stance === "neutral" && claim.kind === "risk" ? "bear" : stance;
}

/** Claims on one side of the user's target: a motion against the topic swaps the sides. */
function sideOf(view: CorpusView, target: Target, side: "bull" | "bear"): Claim[] {
  const wanted = target.direction === 1 ? side : side === "bull" ? "bear" : "bull";
  return view.ledger.claims
    .filter(
      (c) => c.kind !== "question" && c.kind !== "disclaimer" && stanceOf(c, target) === wanted,
    )
    .map((claim) => ({ claim, score: strength(claim, target, wanted) }))
    .sort((a, b) => b.score - a.score)
    .map((s) => s.claim);
}

export function bullBear(
  view: CorpusView,
  target: Target,
  limit: number = BULLBEAR_DEFAULTS.pairs,
): BullBearPair[] {
  const wanted = Math.max(1, Math.min(BULLBEAR_DEFAULTS.maxPairs, Math.floor(limit)));
  const bulls = sideOf(view, target, "bull");
  const bears = sideOf(view, target, "bear");
  const bearStance = target.direction === 1 ? "bear" : "bull";
  const bullStance = target.direction === 1 ? "bull" : "bear";
  // The claim alone: a neighbour can argue the other way and blur which side a quote is on.
  const citeClaim = (claim: Claim) => view.cite(claim.file, claim.offsets);

  if (bulls.length === 0 || bears.length === 0) {
    const present = bulls.length ? bulls : bears;
    return present.slice(0, wanted).flatMap((claim) => {
      const [citation] = view.verified([citeClaim(claim)]);
      if (!citation) return [];
      return [bulls.length ? { bull: citation, bear: null } : { bull: null, bear: citation }];
    });
  }

  const bearIndex = createSearchIndex(bears.map((c) => ({ id: c.id, text: c.text })));
  const used = new Set<string>();
  const pairs: { bull: Claim; bear: Claim; score: number }[] = [];
  for (const bull of bulls.slice(0, wanted * 3)) {
    const hits = findCounterArguments(bearIndex, bull.text, { limit: 10 });
    const top = hits[0]?.score ?? 0;
    const relevance = new Map(hits.map((h) => [h.id, top > 0 ? h.score / top : 0]));
    let best: { bear: Claim; score: number } | null = null;
    for (const bear of bears) {
      if (used.has(bear.id) || (bear.file === bull.file && bear.paragraphId === bull.paragraphId))
        continue;
      const score =
        strength(bear, target, bearStance) +
        BULLBEAR_DEFAULTS.relevanceWeight * (relevance.get(bear.id) ?? 0);
      if (!best || score > best.score) best = { bear, score };
    }
    if (!best) break;
    used.add(best.bear.id);
    pairs.push({ bull, bear: best.bear, score: strength(bull, target, bullStance) + best.score });
  }
  pairs.sort((a, b) => b.score - a.score);
  const result: BullBearPair[] = [];
  for (const pair of pairs) {
    const [bull, bear] = [citeClaim(pair.bull), citeClaim(pair.bear)];
    const verified = view.verified([bull, bear]);
    if (verified.length === 2) result.push({ bull, bear });
    if (result.length === wanted) break;
  }
  return result;
}
