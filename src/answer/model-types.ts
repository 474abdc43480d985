// What `answer` needs from a language model, defined here so the answer layer depends on no
// model code: src/llm implements these (its ModelProvider satisfies AnswerModel) and the
// answer layer runs, and is tested, with no model at all.
import type { Citation } from "../corpus/types.ts";
import type { QuotableText } from "./quote-check.ts";

export interface CallOptions {
  budgetMs?: number;
  signal?: AbortSignal;
}

export interface SynthesizeRequest {
  question: string;
  /** Retrieved passages, already quote-checked; the prompt numbers them from 1. */
  passages: readonly Citation[];
  /** The corpus text every returned citation is checked against (answer/quote-check). */
  lookup: (file: string) => QuotableText | undefined;
  /** Wall-clock budget for the whole call, retries included. Defaults to the provider's. */
  budgetMs?: number;
  signal?: AbortSignal;
}

export interface GroundedSentence {
  /** The model's wording; any text it puts in quotation marks is verbatim from `citations`. */
  text: string;
  /** At least one, each passed through the quote check. */
  citations: Citation[];
}

export interface SynthesizedAnswer {
  /** The grounded sentences joined into one paragraph. */
  answer: string;
  sentences: GroundedSentence[];
  /** Every citation used, deduplicated, in order of first use. */
  citations: Citation[];
  /** Sentences the model wrote that failed grounding and are not shown. */
  droppedSentences: number;
  model: string;
}

/** A model that words an answer from given passages only. */
export interface AnswerModel {
  /** A short cited answer built only from `passages`, or null to use the extractive answer. */
  synthesize(request: SynthesizeRequest): Promise<SynthesizedAnswer | null>;
}

/**
 * A question put into English so the English corpus can be searched for it. It is shown only
 * as "Translated from German: …" beside the answer: never quoted, never a citation (every
 * quote stays the corpus's own words, through the quote check).
 */
export interface Translation {
  /** The language the question was written in, named in English ("German"). */
  language: string;
  /** The question in English. */
  english: string;
}

/** A model that puts a question into English before search. */
export interface TranslationModel {
  /** The question in English, or null (timeout, error, a reply it cannot trust). Never rejects. */
  translate(question: string, options?: CallOptions): Promise<Translation | null>;
}

/** One vector per text, same order, or null (ModelProvider.embed satisfies it). */
export type EmbedTexts = (
  texts: readonly string[],
  options?: CallOptions,
) => Promise<number[][] | null>;
