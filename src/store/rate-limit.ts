// Per-user and per-channel limits for /thesis, counted in the store so replicas sharing Redis
// share the budget. Fixed windows (a counter per window that expires with it) keep each check
// to one atomic increment; the cost is that a burst straddling a boundary can reach 2x limit.
import type { AtomicStore } from "./atomic.ts";

export interface RateLimitRule {
  /** Calls allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimiterOptions {
  /** null: no limit for that user. Defaults to 10 calls per 60 s (RATE_LIMIT_PER_USER). */
  perUser?: RateLimitRule | null;
  /** null: no limit for that channel. Defaults to 60 calls per 60 s (RATE_LIMIT_PER_CHANNEL). */
  perChannel?: RateLimitRule | null;
  now?: () => Date;
}

export type RateLimitDecision =
  | { ok: true }
  | { ok: false; scope: "user" | "channel"; retryAfterSeconds: number; message: string };

export interface RateLimiter {
  /** `channelRule`: the channel's own limit (null: none) instead of perChannel. */
  check(
    userId: string,
    channelId?: string,
    channelRule?: RateLimitRule | null,
  ): Promise<RateLimitDecision>;
}

/** The limits users get when the environment sets none (config.ts reads them from here). */
export const DEFAULT_RATE_LIMITS = {
  perUser: { limit: 10, windowMs: 60_000 },
  perChannel: { limit: 60, windowMs: 60_000 },
} as const satisfies Required<Omit<RateLimiterOptions, "now">>;

export function createRateLimiter(
  store: { atomic: AtomicStore },
  options: RateLimiterOptions = {},
): RateLimiter {
  const now = options.now ?? (() => new Date());
  const perUser = options.perUser === undefined ? DEFAULT_RATE_LIMITS.perUser : options.perUser;
  const perChannel =
    options.perChannel === undefined ? DEFAULT_RATE_LIMITS.perChannel : options.perChannel;

  async function consume(
    scope: "user" | "channel",
    id: string,
    rule: RateLimitRule,
  ): Promise<RateLimitDecision> {
    const at = now().getTime();
    const windowStart = Math.floor(at / rule.windowMs) * rule.windowMs;
    const key = `ratelimit:${scope}:${id}:${windowStart}`;
    // Expire a little after the window so a slow clock on another replica still finds it.
    const count = await store.atomic.increment(key, rule.windowMs * 2);
    if (count <= rule.limit) return { ok: true };
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + rule.windowMs - at) / 1000));
    const who = scope === "user" ? "You have" : "This channel has";
    return {
      ok: false,
      scope,
      retryAfterSeconds,
      message: `${who} used /thesis ${rule.limit} times in the last ${describeWindow(rule.windowMs)}. Try again in ${retryAfterSeconds} seconds.`,
    };
  }

  return {
    async check(userId, channelId, channelRule) {
      const user: RateLimitDecision = perUser
        ? await consume("user", userId, perUser)
        : { ok: true };
      const rule = channelRule === undefined ? perChannel : channelRule;
      if (!user.ok || channelId === undefined || !rule) return user;
      return consume("channel", channelId, rule);
    },
  };
}

function describeWindow(windowMs: number): string {
  const seconds = Math.round(windowMs / 1000);
  if (seconds % 3600 === 0) return seconds === 3600 ? "hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
