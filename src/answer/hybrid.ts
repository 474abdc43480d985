// Hybrid retrieval for `ask`: the lexical ranking fused (reciprocal rank fusion) with a ranking
// by embedding similarity between the question and each claim's passage. Used only once every
// passage has a vector; any failure (no vectors, a slow or broken embedding call) returns null
// and the caller keeps the lexical answer. Whether the corpus answers at all stays the lexical
// ranking's call, so off-topic questions stay unanswered however close some vector lands.
// Sources added or removed while the bot runs are followed (`update`): the passages a change
// brought in are embedded (until then they are found lexically), those it took out forgotten.

import type { Claim } from "../corpus/types.ts";
import { rankBySimilarity, reciprocalRankFusion } from "../search/fusion.ts";
import { ASK_DEFAULTS, passagesWanted } from "./ask.ts";
import { answerWith, citeDistinctPassages, claimsById } from "./cited-answer.ts";
import type { CorpusView } from "./corpus-view.ts";
import type { AskRetriever } from "./model-answer.ts";
import type { CallOptions, EmbedTexts } from "./model-types.ts";
import { passageSpan } from "./passage.ts";
import type { AskResult, ThesisService } from "./types.ts";

export interface HybridSearch extends AskRetriever {
  /** True once every passage has a vector. */
  readonly ready: boolean;
  /** Embeds every claim's passage (cached by the provider); true when it succeeded. */
  prepare(options?: CallOptions): Promise<boolean>;
  /**
   * Follows a change of the corpus (claims of the current view in, claims out): once
   * prepared, embeds the passages it brought in; true when every passage has its vector.
   */
  update(
    change: { added: readonly Claim[]; removed: readonly Claim[] },
    options?: CallOptions,
  ): Promise<boolean>;
}

export const HYBRID_DEFAULTS = {
  /** Nearest passages by meaning that enter the fusion. Defaults to 30. */
  semanticCandidates: 30,
} as const;

/**
 * `view` is the corpus searched: a fixed one, or a function giving the current one of a
 * corpus that changes (LiveCorpus.view), whose changes are passed to `update`.
 */
export function createHybridSearch(
  thesis: ThesisService,
  view: CorpusView | (() => CorpusView),
  embed: EmbedTexts,
): HybridSearch {
  const current = typeof view === "function" ? view : () => view;
  // The passage `ask` would cite for each claim: the text the user would read is what we embed.
  const passages = new Map<string, string>();
  const passageOf = (of: CorpusView, claim: Claim) =>
    of.cite(claim.file, passageSpan(of, claim)).quote;
  const initial = current();
  for (const claim of initial.ledger.claims) passages.set(claim.id, passageOf(initial, claim));
  let vectors: Map<string, number[]> | null = null;

  /** Embeds the passages without a vector; those of claims gone since are dropped. */
  async function embedMissing(options?: CallOptions): Promise<boolean> {
    const entries = [...passages.entries()].filter(([id]) => !vectors?.has(id));
    const embedded =
      entries.length === 0
        ? []
        : await embed(
            entries.map(([, quote]) => quote),
            options,
          );
    if (!embedded || embedded.length !== entries.length) return false;
    const next = new Map(vectors ?? []);
    for (const [i, [id]] of entries.entries()) next.set(id, embedded[i] as number[]);
    // A change may have come while the request was out.
    for (const id of next.keys()) if (!passages.has(id)) next.delete(id);
    vectors = next;
    return [...passages.keys()].every((id) => next.has(id));
  }

  const prepare = (options?: CallOptions) => embedMissing(options);

  async function update(
    change: { added: readonly Claim[]; removed: readonly Claim[] },
    options?: CallOptions,
  ): Promise<boolean> {
    const of = current();
    for (const claim of change.removed) {
      passages.delete(claim.id);
      vectors?.delete(claim.id);
    }
    for (const claim of change.added) {
      // A claim replaced by one of the same id may cite a changed passage: embed it again.
      vectors?.delete(claim.id);
      if (of.claim(claim.id)) passages.set(claim.id, passageOf(of, claim));
    }
    // Before prepare, nothing is embedded yet: prepare embeds these with the rest.
    return vectors ? embedMissing(options) : false;
  }

  async function ask(
    question: string,
    limit: number | undefined,
    options: { budgetMs: number; signal: AbortSignal },
  ): Promise<AskResult | null> {
    const ready = vectors;
    if (!ready) return null;
    const lexical = thesis.ask(question, { limit: ASK_DEFAULTS.maxLimit });
    if (!lexical.found) return null;
    const [questionVector] = (await embed([question], options)) ?? [];
    if (!questionVector) return null;
    const semantic = rankBySimilarity(questionVector, ready).slice(
      0,
      HYBRID_DEFAULTS.semanticCandidates,
    );
    const fused = reciprocalRankFusion([lexical.claimIds, semantic]);

    // The lexical best stays first: it passed the on-topic test and carries the lead sentence.
    const leadId = lexical.claimIds[0] as string;
    const ids = [leadId, ...fused];
    const of = current();
    const verified = citeDistinctPassages(of, claimsById(of, ids), passagesWanted(limit));
    if (verified[0]?.claimId !== leadId) return null;
    return answerWith(lexical.answer, verified);
  }

  return {
    get ready() {
      return vectors !== null;
    },
    prepare,
    update,
    ask,
  };
}
