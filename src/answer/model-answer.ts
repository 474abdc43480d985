// `ask` with an optional model: the extractive answer first (its citations are the verified
// passages every surface shows), then the model may word the lead from those passages only.
// The model never adds or changes a citation, and anything it cannot ground, or any failure or
// slowness past the budget, leaves the extractive answer exactly as it was.
import type { Citation } from "../corpus/types.ts";
import type { AnswerModel, SynthesizedAnswer } from "./model-types.ts";
import type { QuotableText } from "./quote-check.ts";
import type { AskResult, ThesisService } from "./types.ts";

/** What `ask` returns when a model may have written the lead. */
export interface ModelAskResult extends AskResult {
  /** True when `answer` is the model's grounded text rather than the extractive lead. */
  synthesized: boolean;
  /** The model that wrote `answer`, when it did. */
  model?: string;
}

/** The part of a hybrid search that `answerWithModel` uses (see hybrid.ts). */
export interface AskRetriever {
  /** The answer's passages, or null to use the service's lexical `ask`. */
  ask(
    question: string,
    limit: number | undefined,
    options: { budgetMs: number; signal: AbortSignal },
  ): Promise<AskResult | null>;
}

export interface ModelAnswerOptions {
  limit?: number;
  /** The whole reply, retrieval and synthesis included. Defaults to MODEL_ANSWER_BUDGET_MS. */
  budgetMs?: number;
  /** The stored text every citation is checked against. */
  lookup: (file: string) => QuotableText | undefined;
  /** Hybrid retrieval, when embeddings are ready. */
  retriever?: AskRetriever | null;
  /** Told why the extractive lead was kept; the provider logs details itself. */
  onFallback?: (reason: string) => void;
}

/**
 * The whole worded answer's budget, retrieval included (and the provider's default answer
 * budget). 2 s keeps a deferred Discord or Slack reply quick (both allow minutes after
 * deferral, but a user is watching) and leaves room for the rest of the command.
 */
export const MODEL_ANSWER_BUDGET_MS = 2_000;
/** Query embedding may use at most this share of the budget; synthesis needs the rest. */
const RETRIEVAL_SHARE = 0.25;
/** Extra time after the budget before our own guard gives up on the provider. */
const GUARD_GRACE_MS = 50;

const sameCitation = (a: Citation, b: Citation) =>
  a.file === b.file && a.lines[0] === b.lines[0] && a.lines[1] === b.lines[1];

/** Does `inner` lie inside `outer` (a sentence's narrowed quote inside a shown passage)? */
const within = (inner: Citation, outer: Citation) =>
  inner.file === outer.file &&
  inner.lines[0] >= outer.lines[0] &&
  inner.lines[1] <= outer.lines[1] &&
  outer.quote.includes(inner.quote);

/**
 * The model's sentences, each followed by the numbers of the shown passages it rests on
 * ("[1]", "[1][3]"), so a reader can check every sentence against the quotes below it.
 */
export function withPassageMarkers(
  synthesized: SynthesizedAnswer,
  shown: readonly Citation[],
): string {
  return synthesized.sentences
    .map((sentence) => {
      const numbers = new Set<number>();
      for (const citation of sentence.citations) {
        const at = shown.findIndex((s) => sameCitation(s, citation) || within(citation, s));
        if (at !== -1) numbers.add(at + 1);
      }
      const marks = [...numbers]
        .sort((a, b) => a - b)
        .map((n) => `[${n}]`)
        .join("");
      return marks ? `${sentence.text} ${marks}` : sentence.text;
    })
    .join(" ");
}

/** Resolves to null at `ms`, so a provider that ignores its budget cannot hold the reply. */
function guard<T>(work: Promise<T>, ms: number, controller: AbortController): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(null);
    }, ms);
  });
  return Promise.race([work.catch(() => null), timeout]).finally(() => clearTimeout(timer));
}

export async function answerWithModel(
  thesis: ThesisService,
  provider: AnswerModel,
  question: string,
  options: ModelAnswerOptions,
): Promise<ModelAskResult> {
  const budgetMs = options.budgetMs ?? MODEL_ANSWER_BUDGET_MS;
  const deadline = Date.now() + budgetMs;
  const remaining = () => Math.max(0, deadline - Date.now());
  const fallback = (reason: string) => options.onFallback?.(reason);
  const limitOption = options.limit === undefined ? undefined : { limit: options.limit };

  let base: AskResult | null = null;
  if (options.retriever) {
    const retrievalMs = Math.floor(budgetMs * RETRIEVAL_SHARE);
    const retrieval = new AbortController();
    base = await guard(
      options.retriever.ask(question, options.limit, {
        budgetMs: retrievalMs,
        signal: retrieval.signal,
      }),
      retrievalMs + GUARD_GRACE_MS,
      retrieval,
    );
  }
  base ??= thesis.ask(question, limitOption);
  if (!base.found) return { ...base, synthesized: false };

  const synthesisMs = remaining();
  if (synthesisMs <= 0) {
    fallback("no time left for the model");
    return { ...base, synthesized: false };
  }
  const controller = new AbortController();
  const synthesized = await guard(
    provider.synthesize({
      question,
      passages: base.citations,
      lookup: options.lookup,
      budgetMs: synthesisMs,
      signal: controller.signal,
    }),
    synthesisMs + GUARD_GRACE_MS,
    controller,
  );
  if (!synthesized) {
    fallback("the model gave no grounded answer in time");
    return { ...base, synthesized: false };
  }
  return {
    ...base,
    answer: withPassageMarkers(synthesized, base.citations),
    synthesized: true,
    model: synthesized.model,
  };
}
