// Every model call runs against a wall-clock budget. The openai client's own retries sleep for
// whatever Retry-After says (up to a minute) and cannot be interrupted, so the provider turns
// them off and retries here, only when the wait still fits inside the budget.

export class BudgetExceededError extends Error {
  override name = "BudgetExceededError";
}

/** An error worth another attempt, and how long the server asked us to wait. */
export interface RetryAdvice {
  retry: boolean;
  waitMs?: number;
}

export interface BudgetOptions {
  budgetMs: number;
  signal?: AbortSignal | undefined;
  maxAttempts: number;
  /** Decides whether an error is retryable; default: never. */
  adviseRetry?: (error: unknown) => RetryAdvice;
  /** Called before each wait, for logs. */
  onRetry?: (attempt: number, waitMs: number, error: unknown) => void;
}

/** Backoff when the server gives no Retry-After: 200 ms, 400 ms, 800 ms... */
const backoffMs = (attempt: number) => 200 * 2 ** (attempt - 1);

/**
 * Runs `work` with a signal that aborts when the budget runs out (or the caller aborts), and
 * settles by then even if `work` ignores the signal. `remainingMs` lets `work` set per-request
 * timeouts.
 */
export async function withinBudget<T>(
  options: BudgetOptions,
  work: (signal: AbortSignal, remainingMs: () => number) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + options.budgetMs;
  const remainingMs = () => Math.max(0, deadline - Date.now());
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new BudgetExceededError(`model call exceeded ${options.budgetMs} ms`)),
    options.budgetMs,
  );
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onOuterAbort();
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(controller.signal.reason);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener("abort", fail, { once: true });
  });
  // The race settles on abort; keep the losing side from surfacing as unhandled.
  aborted.catch(() => {});
  try {
    return await Promise.race([attempts(options, controller.signal, remainingMs, work), aborted]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
}

async function attempts<T>(
  options: BudgetOptions,
  signal: AbortSignal,
  remainingMs: () => number,
  work: (signal: AbortSignal, remainingMs: () => number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(signal, remainingMs);
    } catch (error) {
      if (signal.aborted || attempt >= options.maxAttempts) throw error;
      const advice = options.adviseRetry?.(error) ?? { retry: false };
      if (!advice.retry) throw error;
      const waitMs = advice.waitMs ?? backoffMs(attempt);
      // Waiting out a Retry-After that ends after the deadline only delays the fallback.
      if (waitMs >= remainingMs()) throw error;
      options.onRetry?.(attempt, waitMs, error);
      await sleep(waitMs, signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The wait a 429/503 asks for, from `retry-after-ms`, `retry-after` in seconds, or
 * `retry-after` as an HTTP date; undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const millis = headers?.get("retry-after-ms");
  if (millis && Number.isFinite(Number(millis))) return Math.max(0, Number(millis));
  const value = headers?.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
