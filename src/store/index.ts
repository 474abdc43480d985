// The store's public surface: import from here, not from the files behind it.
export type { AtomicStore } from "./atomic.ts";
export { createStore, SQLITE_FILE_NAME, type Store, type StoreOptions } from "./create-store.ts";
export {
  createRateLimiter,
  DEFAULT_RATE_LIMITS,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitRule,
} from "./rate-limit.ts";
export { type RecordCollection, StoreVersionError } from "./records.ts";
export type * from "./types.ts";
