// One place that talks to the `openai` client: builds it without letting it pick up settings
// from the environment, and runs each request inside a budget with our own retry policy.
import OpenAI from "openai";
import { type RetryAdvice, retryAfterMs, withinBudget } from "./budget.ts";
import type { LlmLogger } from "./types.ts";

export interface ClientSettings {
  baseURL?: string | undefined;
  apiKey?: string | undefined;
}

/**
 * The client, configured only from what we pass: every field it would otherwise read from
 * the environment (OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_LOG...) is given explicitly. Its own retries are off (see budget.ts) and its timeout is
 * a backstop; each request sets a tighter one from its remaining budget.
 */
export function createClient(settings: ClientSettings, backstopTimeoutMs: number): OpenAI {
  return new OpenAI({
    baseURL: settings.baseURL ?? "https://api.openai.com/v1",
    // Ollama, vLLM and llama.cpp ignore the key, but the client refuses to start without one.
    apiKey: settings.apiKey ?? "unused",
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: backstopTimeoutMs,
    logLevel: "off",
  });
}

/** Rate limits and server errors are worth another try; bad requests and aborts are not. */
export function adviseRetry(error: unknown): RetryAdvice {
  if (error instanceof OpenAI.APIUserAbortError) return { retry: false };
  if (error instanceof OpenAI.APIConnectionTimeoutError) return { retry: false };
  if (error instanceof OpenAI.APIConnectionError) return { retry: true };
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    const status = error.status;
    if (status === 429 || status >= 500) {
      const waitMs = retryAfterMs(error.headers);
      return waitMs === undefined ? { retry: true } : { retry: true, waitMs };
    }
  }
  return { retry: false };
}

export interface ModelCallOptions {
  label: string;
  budgetMs: number;
  signal?: AbortSignal | undefined;
  maxAttempts: number;
  logger: LlmLogger;
}

/** Why a call failed, in words for logs (never shown to users). */
function describe(error: unknown): string {
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    return `HTTP ${error.status}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs `request` within the budget, retrying when `adviseRetry` says so and the wait fits.
 * Resolves to null, after logging why, on any failure: callers fall back, never crash.
 */
export async function callModel<T>(
  options: ModelCallOptions,
  request: (signal: AbortSignal, timeoutMs: number) => Promise<T>,
): Promise<T | null> {
  const started = Date.now();
  try {
    return await withinBudget(
      {
        budgetMs: options.budgetMs,
        signal: options.signal,
        maxAttempts: options.maxAttempts,
        adviseRetry,
        onRetry: (attempt, waitMs, error) =>
          options.logger.debug?.(`model ${options.label}: retrying`, {
            attempt,
            waitMs,
            error: describe(error),
          }),
      },
      // The client wants a positive whole number of milliseconds.
      (signal, remainingMs) => request(signal, Math.max(1, Math.floor(remainingMs()))),
    );
  } catch (error) {
    options.logger.warn(`model ${options.label} failed; falling back`, {
      error: describe(error),
      elapsedMs: Date.now() - started,
    });
    return null;
  }
}
