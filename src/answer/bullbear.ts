// Bull/bear pairing: the strongest bullish claims about a topic, each set against the
// bearish claim that most directly answers it. "Most directly" is counter-argument
// retrieval (search/counter.ts) over the topic's bearish claims, with the bull claim as the
// argument; "strongest" prefers claims that name the topic, stand alone and do not hedge.
import { findTopicMentions } from "../corpus/topics.ts";
import type { Claim, Stance } from "../corpus/types.ts";
import { createSearchIndex, findCounterArguments } from "../search/index.ts";
import type { CorpusView } from "./corpus-view.ts";
import type { BullBearPair } from "./types.ts";

export const BULLBEAR_DEFAULTS = { pairs: 3, maxPairs: 10, relevanceWeight: 3 } as const;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** How well a claim stands as one side of the argument about `topic`. */
export function strength(claim: Claim, topic: string, side: Stance): number {
  let score = 0;
  if (findTopicMentions(claim.text).some((m) => m.topic === topic)) score += 2;
  if (side === "bull" && ["assertion", "prediction", "statistic"].includes(claim.kind)) score += 1;
  if (side === "bear" && claim.kind === "risk") score += 1;
  const n = words(claim.text);
  if (n >= 8 && n <= 45) score += 1;
  if (n < 5) score -= 2;
  if (claim.hedged) score -= 0.5;
  // A rhetorical question ("Who creates incentives…? This is where…") argues weakly.
  if (claim.text.includes("?")) score -= 1.5;
  return score;
}

function sideOf(view: CorpusView, topic: string, side: Stance): Claim[] {
  return view.ledger.claims
    .filter((c) => c.stances[topic] === side && c.kind !== "question" && c.kind !== "disclaimer")
    .sort((a, b) => strength(b, topic, side) - strength(a, topic, side));
}

export function bullBear(
  view: CorpusView,
  topic: string,
  limit: number = BULLBEAR_DEFAULTS.pairs,
): BullBearPair[] {
  const wanted = Math.max(1, Math.min(BULLBEAR_DEFAULTS.maxPairs, Math.floor(limit)));
  const bulls = sideOf(view, topic, "bull");
  const bears = sideOf(view, topic, "bear");
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
        strength(bear, topic, "bear") +
        BULLBEAR_DEFAULTS.relevanceWeight * (relevance.get(bear.id) ?? 0);
      if (!best || score > best.score) best = { bear, score };
    }
    if (!best) break;
    used.add(best.bear.id);
    pairs.push({ bull, bear: best.bear, score: strength(bull, topic, "bull") + best.score });
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
