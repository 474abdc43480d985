// The store in one import: the store, its record types and the rate limiter. Modules that
// need one piece (a record type, the record envelope, the Redis or SQLite connection helpers
// the model cache shares) import that file directly.
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
