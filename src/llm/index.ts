// The optional model provider's public surface. Only src/llm imports `openai`; the rest codes
// against ModelProvider (the answer layer against its own AnswerModel, which ModelProvider
// implements) and may pass `null` where no model is configured.
export { BudgetExceededError, retryAfterMs } from "./budget.ts";
export { createMemoryCache } from "./cache.ts";
export { providerOptionsFromConfig } from "./config.ts";
export {
  type EnrichmentResult,
  enrichClaims,
  type MergeOutcome,
  mergeClassification,
} from "./enrich.ts";
export { type DropReason, type GroundingResult, groundAnswer } from "./grounding.ts";
export { createOpenAIProvider, DEFAULT_TIMEOUTS } from "./openai-provider.ts";
export type {
  CallOptions,
  ClaimToClassify,
  GroundedSentence,
  KeyValueCache,
  LlmLogger,
  ModelProvider,
  OpenAIProviderOptions,
  ProviderTimeouts,
  RawClassification,
  SynthesizedAnswer,
  SynthesizeRequest,
  Translation,
} from "./types.ts";
