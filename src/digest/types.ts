// The digest's one content type and what the digest needs from the outside world. Clock,
// timers, the composer and the posters are injected, so tests drive the scheduler with a fake
// clock and a fake chat server, and so src/digest imports no platform SDK.
import type { Citation } from "../corpus/types.ts";
import type {
  ChannelRef,
  ChatPlatform,
  DigestHistoryEntry,
  DigestSubscription,
} from "../store/types.ts";

export interface DigestPair {
  bull: Citation;
  bear: Citation;
}

/** One source that is new, or that gained claims, since the channel's last digest. */
export interface DigestNewItem {
  file: string;
  title: string;
  /** True when the whole source is new; false when only some of its claims are. */
  newSource: boolean;
  /** How many of its claims are new. */
  claims: number;
}

/**
 * A channel's digest for one local date, as the composer builds it. Every surface shows it
 * through digestReplies (replies.ts); the CLI's `digest --json` prints a subset of it.
 */
export interface Digest {
  date: string;
  /** The topic the pair was found under, for "/thesis bullbear <topic>". */
  topic: { id: string; label: string } | null;
  pair: DigestPair | null;
  risk: { label: string; sources: number; citations: Citation[] } | null;
  new: DigestNewItem[];
  /** The short post, plain text, a few lines. */
  text: string;
}

export type SubscribeResult =
  | { ok: true; subscription: DigestSubscription; nextPostAt: Date; message: string }
  | { ok: false; error: string };

export type DigestStatus =
  | { subscribed: false; message: string }
  | {
      subscribed: true;
      subscription: DigestSubscription;
      /** Equal to now when today's digest is due and not yet posted (it is about to go out). */
      nextPostAt: Date;
      /** nextPostAt as "YYYY-MM-DD HH:MM" in the channel's zone. */
      nextPostLocal: string;
      lastPost?: DigestHistoryEntry;
      message: string;
    };

/** A subscribed channel's status. */
export type SubscribedStatus = Extract<DigestStatus, { subscribed: true }>;

/** The subscription API (subscriptions.ts). Bad input comes back as a sentence to show. */
export interface DigestSubscriptions {
  subscribe(channel: ChannelRef, time?: string, timezone?: string): Promise<SubscribeResult>;
  unsubscribe(channel: ChannelRef): Promise<{ removed: boolean; message: string }>;
  status(channel: ChannelRef): Promise<DigestStatus>;
  /**
   * The status of every channel of one Slack workspace or Discord server that has a digest
   * (the App Home lists them), by channel id. Only subscriptions that recorded their workspace
   * count: another workspace's channels are never shown.
   */
  statusesIn(platform: ChatPlatform, workspaceId: string): Promise<SubscribedStatus[]>;
  list(): Promise<DigestSubscription[]>;
}

/** What `/thesis digest` needs: the subscription API and today's digest (commands.ts). */
export interface DigestCommands extends Omit<DigestSubscriptions, "list"> {
  /** The digest the channel gets on the local date of `at` in its zone (UTC if unsubscribed). */
  preview(channel: ChannelRef, at: Date): Promise<Digest>;
}

export interface Clock {
  now(): Date;
}

/** setTimeout/clearTimeout, injectable so tests decide when time passes. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Builds the digest for a channel and local date (YYYY-MM-DD). Opaque to the scheduler, whose
 * tests post stand-ins; the app posts a Digest. A preview only reads the channel's history,
 * while the scheduler's call (no options) records what the corpus held for "new since".
 */
export type ComposeDigest<Content = Digest> = (
  channel: ChannelRef,
  localDate: string,
  options?: { preview?: boolean },
) => Promise<Content>;

export interface DigestPoster<Content = Digest> {
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

export type DigestPosters<Content = Digest> = Partial<
  Record<ChannelRef["platform"], DigestPoster<Content>>
>;

/** The lines the running scheduler writes (the app's log satisfies it). */
export interface DigestLog {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}
