// What the digest scheduler needs from the outside world, all injected so that tests drive it
// with a fake clock and a fake chat server, and so src/digest imports no platform SDK.
import type { ChannelRef } from "../store/types.ts";

export interface Clock {
  now(): Date;
}

/** setTimeout/clearTimeout, injectable so tests decide when time passes. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Builds the digest for a channel and local date (YYYY-MM-DD). Opaque to the scheduler. */
export type ComposeDigest<Content> = (channel: ChannelRef, localDate: string) => Promise<Content>;

export interface DigestPoster<Content> {
  /**
   * Posts the digest. The idempotency key (`digest:<platform>:<channel>:<date>`) should be
   * carried in the message (metadata, a block id, a nonce) so findExisting can recognise it.
   */
  post(
    channel: ChannelRef,
    content: Content,
    idempotencyKey: string,
  ): Promise<{ messageId: string }>;
  /**
   * Looks for a message already posted with this key (e.g. in the channel's recent history).
   * Without it, the scheduler cannot tell whether an interrupted post reached the channel,
   * and prefers skipping that day over posting twice.
   */
  findExisting?(channel: ChannelRef, idempotencyKey: string): Promise<{ messageId: string } | null>;
}

export type DigestPosters<Content> = Partial<Record<ChannelRef["platform"], DigestPoster<Content>>>;
