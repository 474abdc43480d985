// The last steps of every `ask` path (lexical and hybrid): cite each chosen claim's passage,
// skip a passage that shares a line with one already cited, quote-check what is left and
// return it as the answer's citations. One path, so both show the same kind of answer.
import type { Citation, Claim } from "../corpus/types.ts";
import type { CorpusView } from "./corpus-view.ts";
import { passageSpan } from "./passage.ts";
import type { AskResult } from "./types.ts";

export type CitedPassage = Citation & { claimId: string };

/**
 * The passages of `claims`, in order, until `wanted` are cited, then quote-checked (so fewer
 * may come back). Passages that share a line would show the reader the same text twice: the
 * later one is skipped. `claims` is read lazily, so a long ranking costs only what is used.
 */
export function citeDistinctPassages(
  view: CorpusView,
  claims: Iterable<Claim>,
  wanted: number,
): CitedPassage[] {
  const cited: CitedPassage[] = [];
  for (const claim of claims) {
    const citation = view.cite(claim.file, passageSpan(view, claim));
    const [start, end] = citation.lines;
    const overlaps = cited.some(
      (c) => c.file === citation.file && start <= c.lines[1] && c.lines[0] <= end,
    );
    if (overlaps) continue;
    cited.push({ ...citation, claimId: claim.id });
    if (cited.length === wanted) break;
  }
  return view.verified(cited);
}

/** The claims behind `ids` that the ledger knows, in order, read lazily. */
export function* claimsById(view: CorpusView, ids: Iterable<string>): Generator<Claim> {
  for (const id of ids) {
    const claim = view.claim(id);
    if (claim) yield claim;
  }
}

/** A found answer: the lead sentence over the verified passages. */
export function answerWith(lead: string, verified: readonly CitedPassage[]): AskResult {
  return {
    found: true,
    answer: lead,
    citations: verified.map(({ claimId: _, ...citation }) => citation),
    claimIds: verified.map((c) => c.claimId),
  };
}
