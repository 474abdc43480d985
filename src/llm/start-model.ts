// Puts a configured model to work: worded answers for `ask` at once, and in the background
// (never before the first answer) embeddings for hybrid search and refined claim labels.
// Everything it adds falls back to what the bot does without a model.
import { type CorpusView, createCorpusView, quotableLookup } from "../answer/corpus-view.ts";
import { createHybridSearch, type HybridSearch } from "../answer/hybrid.ts";
import { answerWithModel, type ModelAskResult } from "../answer/model-answer.ts";
import type { Translation } from "../answer/model-types.ts";
import { createThesisService, type ThesisServiceOptions } from "../answer/service.ts";
import type { ThesisService } from "../answer/types.ts";
import type { Ledger } from "../corpus/ledger.ts";
import { topicIds } from "../corpus/topics.ts";
import type { Claim } from "../corpus/types.ts";
import { enrichClaims } from "./enrich.ts";
import type { KeyValueCache, ModelProvider } from "./types.ts";

/** A service whose implementation can be replaced while adapters hold on to it. */
export interface SwappableService {
  readonly thesis: ThesisService;
  swap(next: ThesisService): void;
}

export function swappableService(initial: ThesisService): SwappableService {
  let current = initial;
  // A Proxy rather than a hand-written delegate, so methods added to ThesisService later
  // are forwarded too.
  const thesis = new Proxy(initial, {
    get(_target, key) {
      const value = Reflect.get(current, key);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
  return {
    thesis,
    swap(next) {
      current = next;
    },
  };
}

export interface ModelLog {
  info(message: string): void;
  warn(message: string): void;
}

/** A corpus whose sources change while the bot runs (src/sources LiveCorpus). */
export interface ChangingCorpus {
  view(): CorpusView;
  subscribe(
    listener: (ledger: Ledger, change: { added: Claim[]; removed: Claim[] }) => void,
  ): () => void;
}

export interface StartModelOptions {
  provider: ModelProvider;
  ledger: Ledger;
  /** The options the service was built with; a refined service is built with the same. */
  serviceOptions: ThesisServiceOptions;
  service: SwappableService;
  /** Where claim labels are cached by model and text (embeddings use the provider's cache). */
  cache: KeyValueCache;
  log: ModelLog;
  /** Budget of one worded answer. Defaults to MODEL_ANSWER_BUDGET_MS (2 s). */
  budgetMs?: number;
  /** Skip index-time label refinement (it costs one request per 16 new claims). */
  enrich?: boolean;
  /**
   * The corpus as sources come and go: hybrid search and the answers' quote check follow it,
   * and the passages of an added source are embedded. Without it, `ledger` as it is.
   */
  corpus?: ChangingCorpus;
}

export interface StartedModel {
  /** CommandContext.model */
  answers: {
    readonly name: string;
    answer(question: string, limit?: number): Promise<ModelAskResult>;
    translate(question: string): Promise<Translation | null>;
  };
  hybrid: HybridSearch | null;
  /** Settles (never rejects) when embeddings and enrichment are done or have failed. */
  background: Promise<void>;
  /** Abandons background work still in flight. */
  stop(): void;
}

export function startModel(options: StartModelOptions): StartedModel {
  const { provider, ledger, serviceOptions, service, log } = options;
  const { corpus } = options;
  const startLookup = quotableLookup(ledger, serviceOptions.sourceTexts);
  const lookup = corpus ? (file: string) => corpus.view().quotable(file) : startLookup;
  const stopper = new AbortController();
  const view = corpus
    ? () => corpus.view()
    : createCorpusView(ledger, () => {}, serviceOptions.sourceTexts);
  const hybrid = provider.embeddingModel
    ? createHybridSearch(service.thesis, view, (texts, call) => provider.embed(texts, call))
    : null;
  // One change embedded at a time, in order, after start-up's own embeddings.
  let embedding: Promise<unknown> = Promise.resolve();
  const unsubscribe =
    hybrid && corpus
      ? corpus.subscribe((_ledger, change) => {
          embedding = embedding.then(async () => {
            if (stopper.signal.aborted) return;
            const complete = await hybrid.update(change, { signal: stopper.signal });
            if (stopper.signal.aborted || !hybrid.ready) return;
            log.info(
              complete
                ? `Model: ${change.added.length} passages of a changed source embedded.`
                : "Model: the passages of a changed source could not be embedded; they are found lexically until the next change.",
            );
          });
        })
      : () => {};

  const answers = {
    name: provider.model,
    answer: (question: string, limit?: number) =>
      answerWithModel(service.thesis, provider, question, {
        lookup,
        ...(limit === undefined ? {} : { limit }),
        ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
        retriever: hybrid?.ready ? hybrid : null,
      }),
    // The budget of one worded answer (someone is waiting), spent before the answer is.
    translate: (question: string) =>
      provider.translate(
        question,
        options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs },
      ),
  };

  async function prepareEmbeddings(): Promise<void> {
    if (!hybrid) return;
    // The whole corpus at once: generous, since nobody waits on it.
    const ready = await hybrid.prepare({ signal: stopper.signal, budgetMs: 120_000 });
    if (stopper.signal.aborted) return;
    log.info(
      ready
        ? `Model: ${ledger.claims.length} passages embedded with ${provider.embeddingModel}; ask uses hybrid search.`
        : "Model: embeddings unavailable; ask keeps lexical search.",
    );
  }

  async function refineLabels(): Promise<void> {
    if (options.enrich === false) return;
    const result = await enrichClaims(provider, ledger.claims, topicIds(), options.cache, {
      signal: stopper.signal,
    });
    if (stopper.signal.aborted) return;
    log.info(
      `Model: claim labels ${result.accepted} accepted, ${result.rejected} rejected (${result.fromCache} claims from cache, ${result.asked} asked, ${result.unanswered} unanswered).`,
    );
    // Refined labels change risks and bull/bear pairs, so the service is rebuilt over them;
    // texts and offsets are untouched, so every citation stays the same text at the same lines.
    if (result.accepted > 0)
      service.swap(createThesisService({ ...ledger, claims: result.claims }, serviceOptions));
  }

  // setImmediate: start-up (and the first answer) go first; the jobs run one after the other
  // so a local model server is not asked for everything at once.
  const background = new Promise<void>((resolve) => setImmediate(resolve))
    .then(prepareEmbeddings)
    .then(() => embedding)
    .then(refineLabels)
    .catch((error: unknown) => {
      if (!stopper.signal.aborted)
        log.warn(`Model: background work failed (${String(error)}); answers are unaffected.`);
    });

  return {
    answers,
    hybrid,
    background,
    stop: () => {
      unsubscribe();
      stopper.abort();
    },
  };
}
