// The digest's public surface: subscriptions for the commands, the scheduler for main.ts.
export { channelKey, digestIdempotencyKey } from "./channel-key.ts";
export {
  formatLocal,
  localDate,
  nextSlotAfter,
  parseTimeOfDay,
  parseTimeZone,
  slotOnDate,
} from "./local-time.ts";
export { type DigestPostRecord, type PostOutcome, readDigestPost } from "./post-once.ts";
export {
  createDigestScheduler,
  type DigestRunReport,
  type DigestScheduler,
  type DigestSchedulerOptions,
} from "./scheduler.ts";
export {
  createDigestSubscriptions,
  DEFAULT_DIGEST_TIME,
  DEFAULT_DIGEST_TIMEZONE,
  type DigestStatus,
  type DigestSubscriptions,
  type DigestSubscriptionsOptions,
  type SubscribeResult,
} from "./subscriptions.ts";
export type * from "./types.ts";
