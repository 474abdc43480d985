// The ModelProvider for any OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp).
// Every method resolves, never rejects: on timeout, error or a reply it cannot trust it logs
// and returns null, and the caller keeps its extractive answer or rule-based labels.
import type OpenAI from "openai";
import { z } from "zod";
import { MAX_QUESTION_CHARS } from "../answer/limits.ts";
import { MODEL_ANSWER_BUDGET_MS } from "../answer/model-answer.ts";
import { createMemoryCache } from "./cache.ts";
import { embedTexts } from "./embeddings.ts";
import { distinctCitations, groundAnswer } from "./grounding.ts";
import { callModel, createClient } from "./openai-call.ts";
import {
  ANSWER_SYSTEM_PROMPT,
  answerUserMessage,
  CLASSIFY_SYSTEM_PROMPT,
  classifyUserMessage,
  parseJsonReply,
  TRANSLATE_SYSTEM_PROMPT,
  translateUserMessage,
} from "./prompts.ts";
import type {
  CallOptions,
  ClaimToClassify,
  LlmLogger,
  ModelProvider,
  OpenAIProviderOptions,
  ProviderTimeouts,
  RawClassification,
  SynthesizedAnswer,
  SynthesizeRequest,
  Translation,
} from "./types.ts";

export const DEFAULT_TIMEOUTS: ProviderTimeouts = {
  answerMs: MODEL_ANSWER_BUDGET_MS,
  classifyMs: 30_000,
  embedMs: 10_000,
};

/** The defaults of OpenAIProviderOptions (documented there). */
const PROVIDER_DEFAULTS = {
  embeddingBatchSize: 64,
  classifyBatchSize: 16,
  temperature: 0,
  maxAttempts: 3,
} as const;

/** A synthesized answer is shown only if at least this share of its sentences is grounded. */
const MIN_GROUNDED_SHARE = 0.5;

const silentLogger: LlmLogger = { warn: () => {} };

const classificationEnvelope = z.object({ results: z.array(z.unknown()) });
const classificationItem = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  kind: z.unknown().optional(),
  topics: z.unknown().optional(),
  stances: z.unknown().optional(),
});

/**
 * A translation is used only in this shape: a language name (letters, spaces, hyphens or
 * brackets, as "Chinese (Simplified)") and an English question no longer than a question
 * may be. Anything else is a reply the bot cannot trust.
 */
const translationReply = z.object({
  language: z
    .string()
    .trim()
    .regex(/^[\p{L}][\p{L} ()-]{1,39}$/u),
  english: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
});

interface ChatJsonOptions extends CallOptions {
  label: string;
  system: string;
  user: string;
  budgetMs: number;
}

export function createOpenAIProvider(options: OpenAIProviderOptions): ModelProvider {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const logger = options.logger ?? silentLogger;
  const maxAttempts = options.maxAttempts ?? PROVIDER_DEFAULTS.maxAttempts;
  const temperature =
    options.temperature === undefined ? PROVIDER_DEFAULTS.temperature : options.temperature;
  const client: OpenAI = createClient(
    options,
    Math.max(timeouts.answerMs, timeouts.classifyMs, timeouts.embedMs),
  );
  const cache = options.cache ?? createMemoryCache();
  const embeddingModel = options.embeddingModel ?? null;

  /** One chat completion in JSON mode; the parsed JSON, or undefined on any failure. */
  async function chatJson(call: ChatJsonOptions): Promise<unknown> {
    const completion = await callModel(
      {
        label: call.label,
        budgetMs: call.budgetMs,
        signal: call.signal,
        maxAttempts,
        logger,
      },
      (signal, timeout) =>
        client.chat.completions.create(
          {
            model: options.model,
            messages: [
              { role: "system", content: call.system },
              { role: "user", content: call.user },
            ],
            response_format: { type: "json_object" },
            ...(temperature === null ? {} : { temperature }),
          },
          { signal, timeout },
        ),
    );
    if (!completion) return undefined;
    const parsed = parseJsonReply(completion.choices[0]?.message?.content);
    if (parsed === undefined) logger.warn(`model ${call.label}: reply is not JSON; falling back`);
    return parsed;
  }

  async function synthesize(request: SynthesizeRequest): Promise<SynthesizedAnswer | null> {
    if (request.passages.length === 0 || request.question.trim() === "") return null;
    const reply = await chatJson({
      label: "answer",
      system: ANSWER_SYSTEM_PROMPT,
      // A longer question is cut: the passages, not the question, carry the content.
      user: answerUserMessage(request.question.slice(0, MAX_QUESTION_CHARS), request.passages),
      budgetMs: request.budgetMs ?? timeouts.answerMs,
      signal: request.signal,
    });
    if (reply === undefined) return null;
    const grounded = groundAnswer(reply, request.passages, request.lookup, (dropped) =>
      logger.warn("model answer: citation failed the quote check", {
        file: dropped.citation.file,
        lines: dropped.citation.lines,
        reason: dropped.reason,
      }),
    );
    if (!grounded) {
      logger.warn("model answer: reply does not have the expected shape; falling back");
      return null;
    }
    for (const dropped of grounded.dropped) {
      logger.warn("model answer: ungrounded sentence dropped", { ...dropped });
    }
    const kept = grounded.sentences.length;
    const total = kept + grounded.dropped.length;
    if (kept === 0 || kept < total * MIN_GROUNDED_SHARE) {
      logger.warn("model answer: too few grounded sentences; falling back", { kept, total });
      return null;
    }
    return {
      answer: grounded.sentences.map((sentence) => sentence.text).join(" "),
      sentences: grounded.sentences,
      citations: distinctCitations(grounded.sentences),
      droppedSentences: grounded.dropped.length,
      model: options.model,
    };
  }

  async function translate(
    question: string,
    callOptions: CallOptions = {},
  ): Promise<Translation | null> {
    if (question.trim() === "") return null;
    const reply = await chatJson({
      label: "translate",
      system: TRANSLATE_SYSTEM_PROMPT,
      user: translateUserMessage(question.slice(0, MAX_QUESTION_CHARS)),
      budgetMs: callOptions.budgetMs ?? timeouts.answerMs,
      signal: callOptions.signal,
    });
    if (reply === undefined) return null;
    const parsed = translationReply.safeParse(reply);
    if (!parsed.success) {
      logger.warn("model translate: reply does not have the expected shape; falling back");
      return null;
    }
    return parsed.data;
  }

  async function classifyBatch(
    batch: readonly ClaimToClassify[],
    topicIds: readonly string[],
    callOptions: CallOptions,
  ): Promise<(RawClassification | null)[] | null> {
    // Ids local to the batch ("0", "1", ...): short, and impossible to mangle into another claim's.
    const local = batch.map((claim, index) => ({ ...claim, id: String(index) }));
    const reply = await chatJson({
      label: "classify",
      system: CLASSIFY_SYSTEM_PROMPT,
      user: classifyUserMessage(local, topicIds),
      budgetMs: callOptions.budgetMs ?? timeouts.classifyMs,
      signal: callOptions.signal,
    });
    const envelope = classificationEnvelope.safeParse(reply);
    if (!envelope.success) return null;
    const results: (RawClassification | null)[] = batch.map(() => null);
    for (const item of envelope.data.results) {
      const parsed = classificationItem.safeParse(item);
      if (!parsed.success) continue;
      const index = Number(parsed.data.id);
      if (!Number.isInteger(index) || index < 0 || index >= batch.length) continue;
      const { kind, topics, stances } = parsed.data;
      results[index] = { kind, topics, stances };
    }
    return results;
  }

  async function classify(
    claims: readonly ClaimToClassify[],
    topicIds: readonly string[],
    callOptions: CallOptions = {},
  ): Promise<(RawClassification | null)[] | null> {
    const size = Math.max(1, options.classifyBatchSize ?? PROVIDER_DEFAULTS.classifyBatchSize);
    const results: (RawClassification | null)[] = [];
    let anyBatchAnswered = claims.length === 0;
    for (let start = 0; start < claims.length; start += size) {
      const batch = claims.slice(start, start + size);
      const answer = await classifyBatch(batch, topicIds, callOptions);
      if (answer) anyBatchAnswered = true;
      results.push(...(answer ?? batch.map(() => null)));
    }
    return anyBatchAnswered ? results : null;
  }

  async function embed(
    texts: readonly string[],
    callOptions: CallOptions = {},
  ): Promise<number[][] | null> {
    if (!embeddingModel) return null;
    if (texts.length === 0) return [];
    return embedTexts(
      {
        client,
        model: embeddingModel,
        cache,
        batchSize: Math.max(1, options.embeddingBatchSize ?? PROVIDER_DEFAULTS.embeddingBatchSize),
        budgetMs: timeouts.embedMs,
        maxAttempts,
        logger,
      },
      texts,
      callOptions,
    );
  }

  return { model: options.model, embeddingModel, synthesize, translate, classify, embed };
}
