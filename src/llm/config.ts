// From parsed config (src/config.ts) to provider options. The provider is off unless a chat
// model is named and there is somewhere to send it: a base URL (a local server) or an API
// key (api.openai.com). Reads no environment itself.
import type { Config } from "../config.ts";
import type { LlmLogger, OpenAIProviderOptions } from "./types.ts";

type ModelSettings = Pick<
  Config,
  "OPENAI_BASE_URL" | "OPENAI_API_KEY" | "OPENAI_MODEL" | "OPENAI_EMBEDDING_MODEL"
>;

/** Options for `createOpenAIProvider`, or null when no model is configured. */
export function providerOptionsFromConfig(
  config: ModelSettings,
  extra: Omit<OpenAIProviderOptions, "baseURL" | "apiKey" | "model" | "embeddingModel"> & {
    logger?: LlmLogger;
  } = {},
): OpenAIProviderOptions | null {
  const model = config.OPENAI_MODEL;
  if (!model || (!config.OPENAI_BASE_URL && !config.OPENAI_API_KEY)) return null;
  return {
    ...extra,
    model,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
    ...(config.OPENAI_EMBEDDING_MODEL ? { embeddingModel: config.OPENAI_EMBEDDING_MODEL } : {}),
  };
}
