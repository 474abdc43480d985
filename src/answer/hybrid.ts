// Hybrid retrieval for `ask`: the lexical ranking fused (reciprocal rank fusion) with a ranking
// by embedding similarity between the question and each claim's passage. Used only once every
// passage has a vector; any failure (no vectors, a slow or broken embedding call) returns null
// and the caller keeps the lexical answer. Whether the corpus answers at all stays the lexical
// ranking's call, so off-topic questions stay unanswered however close some vector lands.
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
}

export const HYBRID_DEFAULTS = {
  /** Nearest passages by meaning that enter the fusion. Defaults to 30. */
  semanticCandidates: 30,
} as const;

export function createHybridSearch(
  thesis: ThesisService,
  view: CorpusView,
  embed: EmbedTexts,
): HybridSearch {
  // The passage `ask` would cite for each claim: the text the user would read is what we embed.
  const passages = new Map<string, string>();
  for (const claim of view.ledger.claims) {
    passages.set(claim.id, view.cite(claim.file, passageSpan(view, claim)).quote);
  }
  let vectors: Map<string, number[]> | null = null;

  async function prepare(options?: CallOptions): Promise<boolean> {
    const entries = [...passages.entries()];
    const embedded = await embed(
      entries.map(([, quote]) => quote),
      options,
    );
    if (!embedded || embedded.length !== entries.length) return false;
    vectors = new Map(entries.map(([id], i) => [id, embedded[i] as number[]]));
    return true;
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
    const verified = citeDistinctPassages(view, claimsById(view, ids), passagesWanted(limit));
    if (verified[0]?.claimId !== leadId) return null;
    return answerWith(lexical.answer, verified);
  }

  return {
    get ready() {
      return vectors !== null;
    },
    prepare,
    ask,
  };
}
