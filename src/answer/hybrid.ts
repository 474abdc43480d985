// Hybrid retrieval for `ask`: the lexical ranking fused (reciprocal rank fusion) with a ranking
// by embedding similarity between the question and each claim's passage. Used only once every
// passage has a vector; any failure (no vectors, a slow or broken embedding call) returns null
// and the caller keeps the lexical answer. Whether the corpus answers at all stays the lexical
// ranking's call, so off-topic questions stay unanswered however close some vector lands.
import type { Claim } from "../corpus/types.ts";
import { rankBySimilarity, reciprocalRankFusion } from "../llm/fusion.ts";
import type { CallOptions } from "../llm/types.ts";
import { ASK_DEFAULTS } from "./ask.ts";
import type { CorpusView } from "./corpus-view.ts";
import type { AskRetriever } from "./model-answer.ts";
import { passageSpan } from "./passage.ts";
import type { AskResult, ThesisService } from "./types.ts";

/** One vector per text, same order, or null (ModelProvider.embed satisfies it). */
export type EmbedTexts = (
  texts: readonly string[],
  options?: CallOptions,
) => Promise<number[][] | null>;

export interface HybridSearch extends AskRetriever {
  /** True once every passage has a vector. */
  readonly ready: boolean;
  /** Embeds every claim's passage (cached by the provider); true when it succeeded. */
  prepare(options?: CallOptions): Promise<boolean>;
}

export const HYBRID_DEFAULTS = {
  /** Nearest passages by meaning that enter the fusion. */
  semanticCandidates: 30,
} as const;

interface PassageOf {
  claim: Claim;
  file: string;
  span: [number, number];
  quote: string;
}

const overlaps = (a: PassageOf, b: PassageOf) =>
  a.file === b.file && a.span[0] < b.span[1] && b.span[0] < a.span[1];

export function createHybridSearch(
  thesis: ThesisService,
  view: CorpusView,
  embed: EmbedTexts,
): HybridSearch {
  // The passage `ask` would cite for each claim: the text the user would read is what we embed.
  const passages = new Map<string, PassageOf>();
  for (const claim of view.ledger.claims) {
    const span = passageSpan(view, claim);
    const quote = view.cite(claim.file, span).quote;
    passages.set(claim.id, { claim, file: claim.file, span, quote });
  }
  let vectors: Map<string, number[]> | null = null;

  async function prepare(options?: CallOptions): Promise<boolean> {
    const entries = [...passages.entries()];
    const embedded = await embed(
      entries.map(([, passage]) => passage.quote),
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
    const wanted = Math.max(
      1,
      Math.min(ASK_DEFAULTS.maxLimit, Math.floor(limit ?? ASK_DEFAULTS.limit)),
    );
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
    const chosen: PassageOf[] = [];
    for (const id of [leadId, ...fused]) {
      const passage = passages.get(id);
      if (!passage || chosen.some((c) => overlaps(c, passage))) continue;
      chosen.push(passage);
      if (chosen.length === wanted) break;
    }
    const cited = chosen.map((p) => ({ ...view.cite(p.file, p.span), claimId: p.claim.id }));
    const verified = view.verified(cited);
    if (verified[0]?.claimId !== leadId) return null;
    return {
      found: true,
      answer: lexical.answer,
      citations: verified.map(({ claimId: _, ...citation }) => citation),
      claimIds: verified.map((c) => c.claimId),
    };
  }

  return {
    get ready() {
      return vectors !== null;
    },
    prepare,
    ask,
  };
}
