// `ask`: the passages that answer a question, best first, each a verified verbatim quote,
// led by one extractive sentence. When the best match covers too little of what was asked,
// the honest answer is that the corpus has nothing on it.
import type { Claim } from "../corpus/types.ts";
import type { SearchIndex } from "../search/index.ts";
import type { CorpusView } from "./corpus-view.ts";
import { leadSentence, passageSpan } from "./passage.ts";
import type { AskResult } from "./types.ts";

export const ASK_DEFAULTS = {
  limit: 3,
  maxLimit: 10,
  /** Hits considered before passages are merged and cut to `limit`. */
  candidates: 30,
  /**
   * Minimum idf-weighted share of the question's content words that the best hit must
   * contain. Measured on the dev questions: answerable questions score 0.42-1.0 on their
   * best hit, off-topic ones 0.16-0.41 ("capital of France" meets "capital markets").
   */
  minConfidence: 0.45,
} as const;

const NOTHING: AskResult = { found: false, answer: "", citations: [], claimIds: [] };

export function ask(
  view: CorpusView,
  index: SearchIndex,
  question: string,
  limit: number = ASK_DEFAULTS.limit,
): AskResult {
  const wanted = Math.max(1, Math.min(ASK_DEFAULTS.maxLimit, Math.floor(limit)));
  if (question.trim() === "") return NOTHING;
  const hits = index.search(question, { limit: ASK_DEFAULTS.candidates });
  const best = Math.max(0, ...hits.slice(0, 10).map((h) => h.confidence));
  if (best < ASK_DEFAULTS.minConfidence) return NOTHING;

  const chosen: { claim: Claim; span: [number, number] }[] = [];
  for (const hit of hits) {
    const claim = view.claim(hit.id);
    if (!claim || hit.confidence < ASK_DEFAULTS.minConfidence / 2) continue;
    const span = passageSpan(view, claim);
    const overlaps = chosen.some(
      (c) => c.claim.file === claim.file && span[0] < c.span[1] && c.span[0] < span[1],
    );
    if (overlaps) continue;
    chosen.push({ claim, span });
    if (chosen.length === wanted) break;
  }
  const cited = chosen.map((c) => ({ ...view.cite(c.claim.file, c.span), claimId: c.claim.id }));
  const verified = view.verified(cited);
  const first = verified[0];
  if (!first) return NOTHING;
  const lead = view.claim(first.claimId);
  return {
    found: true,
    answer: lead ? leadSentence(lead) : first.quote,
    citations: verified.map(({ claimId: _, ...citation }) => citation),
    claimIds: verified.map((c) => c.claimId),
  };
}
