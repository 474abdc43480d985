// The daily digest, all of it: composing (compose.ts, news.ts, rotation.ts), its Replies
// (replies.ts), subscriptions, the scheduler and posting once per channel and day. The
// commands reach it through DigestCommands (digestCommandsFrom); src/app/run.ts starts the
// scheduler (startDigestScheduler) with one chatPoster (chat-poster.ts) per platform that is up.
export { channelKey, digestIdempotencyKey } from "./channel-key.ts";
export { digestCommandsFrom } from "./commands.ts";
export {
  type ComposeDigestOptions,
  composeDigest,
  digestComposer,
  digestPairPool,
} from "./compose.ts";
export {
  formatLocal,
  localDate,
  nextSlotAfter,
  parseTimeOfDay,
  parseTimeZone,
  slotOnDate,
} from "./local-time.ts";
export type { DigestMemory } from "./news.ts";
export { type DigestPostRecord, type PostOutcome, readDigestPost } from "./post-once.ts";
export { type DigestReplies, digestPreviewReply, digestReplies } from "./replies.ts";
export {
  createDigestScheduler,
  type DigestRunReport,
  type DigestScheduler,
  type DigestSchedulerOptions,
} from "./scheduler.ts";
export { startDigestScheduler } from "./start-scheduler.ts";
export {
  createDigestSubscriptions,
  DEFAULT_DIGEST_TIME,
  DEFAULT_DIGEST_TIMEZONE,
  type DigestSubscriptionsOptions,
} from "./subscriptions.ts";
export type * from "./types.ts";
