// What the rest of the bot sees of an optional language model. Everything here is plain data:
// no `openai` types leak out, so the core can run (and be tested) with no model at all. The
// model's part in answering is defined by the answer layer (answer/model-types.ts) and
// re-exported here; ModelProvider implements it.
import type {
  AnswerModel,
  CallOptions,
  GroundedSentence,
  SynthesizedAnswer,
  SynthesizeRequest,
  Translation,
  TranslationModel,
} from "../answer/model-types.ts";
import type { ClaimKind, Stance } from "../corpus/types.ts";

export type { CallOptions, GroundedSentence, SynthesizedAnswer, SynthesizeRequest, Translation };

/** The minimal store the provider caches into; a Keyv instance satisfies it. */
export interface KeyValueCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
}

/** Where the provider reports why it fell back. Failures are never thrown at the caller. */
export interface LlmLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  debug?(message: string, details?: Record<string, unknown>): void;
}

/** What the model is asked to classify; `id` only has to be unique within one call. */
export interface ClaimToClassify {
  id: string;
  text: string;
  section?: string | null;
}

/**
 * The model's answer for one claim, shape-checked but with values untrusted: `enrichClaims`
 * keeps only enum values and known topics, so a bad answer never reaches the ledger.
 */
export interface RawClassification {
  kind?: unknown;
  topics?: unknown;
  stances?: unknown;
}

export interface ModelProvider extends AnswerModel, TranslationModel {
  /** The chat model's name; part of every cache key so a model change re-asks. */
  readonly model: string;
  readonly embeddingModel: string | null;
  /**
   * One entry per claim, same order (null where the model gave nothing usable), or null when
   * the call failed as a whole.
   */
  classify(
    claims: readonly ClaimToClassify[],
    topicIds: readonly string[],
    options?: CallOptions,
  ): Promise<(RawClassification | null)[] | null>;
  /** One vector per text, same order, or null when embeddings are off or the call failed. */
  embed(texts: readonly string[], options?: CallOptions): Promise<number[][] | null>;
}

export interface ProviderTimeouts {
  /** Budget for a synthesized answer while a user waits. Defaults to MODEL_ANSWER_BUDGET_MS (2 s). */
  answerMs: number;
  /** Budget for one batch of claims at index time. Defaults to 30 s. */
  classifyMs: number;
  /**
   * Budget for one embed() call (query embeddings are on the user's clock too). Defaults to
   * 10 s.
   */
  embedMs: number;
}

export interface OpenAIProviderOptions {
  /** e.g. http://127.0.0.1:11434/v1 for Ollama; omitted means api.openai.com. */
  baseURL?: string;
  /** Local servers ignore it; a placeholder is sent when omitted. */
  apiKey?: string;
  model: string;
  embeddingModel?: string;
  timeouts?: Partial<ProviderTimeouts>;
  logger?: LlmLogger;
  /** Embedding cache. Defaults to an in-memory map. */
  cache?: KeyValueCache;
  /** Texts per embeddings request. Defaults to 64. */
  embeddingBatchSize?: number;
  /** Claims per classification request. Defaults to 16. */
  classifyBatchSize?: number;
  /** Sent as `temperature`; null leaves it out (some reasoning models reject it). Defaults to 0. */
  temperature?: number | null;
  /**
   * Requests per call including retries after 429 or 5xx, as long as the budget allows.
   * Defaults to 3.
   */
  maxAttempts?: number;
}

export type { ClaimKind, Stance };
