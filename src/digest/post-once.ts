// Posts one channel's digest for one local date at most once, across restarts, crashes and
// replicas. The claim record lives in the store's AtomicStore under the (channel, date) key:
//
//   claimed -> sending -> posted(messageId)          normal path
//   claimed (lease expired)  -> taken over, posted   crashed before sending: nothing was sent
//   sending (lease expired)  -> findExisting(key)    crashed while sending: it may have arrived
//
// Why "sending" plus findExisting rather than a bare claim: a crash (or a lost response)
// between the platform accepting the message and us recording its id is invisible to the
// store. So we record "sending" before calling the platform, and embed the idempotency key
// in the message. Whoever later finds a stale "sending" asks the poster whether a message
// with that key exists; if so it records that id instead of posting again. A poster without
// findExisting cannot answer, and we then give that day up: a missed digest is a smaller
// harm than a duplicate. Leases (not just the claim's existence) let a replica take over
// from one that died; compare-and-set on the exact stored value makes each step atomic.
import type { AtomicStore } from "../store/atomic.ts";
import type { RecordCollection } from "../store/records.ts";
import { openEnvelope, sealEnvelope } from "../store/records.ts";
import type { ChannelRef, DigestHistoryEntry } from "../store/types.ts";
import { channelKey, digestIdempotencyKey } from "./channel-key.ts";
import type { ComposeDigest, DigestPoster } from "./types.ts";

export interface DigestPostRecord {
  state: "claimed" | "sending" | "posted" | "abandoned";
  owner: string;
  /** Epoch ms until which the owner may work undisturbed. */
  leaseUntil: number;
  /** How many owners have claimed this (channel, date), including the current one. */
  attempts: number;
  idempotencyKey: string;
  messageId?: string;
  postedAt?: string;
  /** Why the last attempt stopped, for logs and status. */
  note?: string;
}

export type PostOutcome =
  | { outcome: "posted" | "recovered"; messageId: string }
  | { outcome: "already-posted"; messageId: string }
  | { outcome: "busy" | "abandoned"; note?: string }
  | { outcome: "failed"; error: string };

export interface PostOnceDeps<Content> {
  atomic: AtomicStore;
  history: RecordCollection<DigestHistoryEntry>;
  poster: DigestPoster<Content>;
  compose: ComposeDigest<Content>;
  now: () => Date;
  /** Identifies this scheduler instance in claims. */
  owner: string;
  leaseMs: number;
  /** Wait before another attempt after an error. */
  retryDelayMs: number;
  maxAttempts: number;
}

const RECORD_VERSION = 1;
/** Longer than any local day plus zone offsets, so a day's claim outlives the day. */
const RETENTION_MS = 7 * 24 * 3_600_000;

export function digestPostKey(channel: ChannelRef, date: string): string {
  return `digest-post:${channelKey(channel)}:${date}`;
}

function encode(record: DigestPostRecord): string {
  return JSON.stringify(sealEnvelope(record, RECORD_VERSION));
}

function decode(key: string, raw: string): DigestPostRecord {
  return openEnvelope<DigestPostRecord>("digest post", key, JSON.parse(raw), RECORD_VERSION);
}

export async function readDigestPost(
  atomic: AtomicStore,
  channel: ChannelRef,
  date: string,
): Promise<DigestPostRecord | undefined> {
  const key = digestPostKey(channel, date);
  const raw = await atomic.get(key);
  return raw === undefined ? undefined : decode(key, raw);
}

export async function postDigestOnce<Content>(
  deps: PostOnceDeps<Content>,
  channel: ChannelRef,
  date: string,
): Promise<PostOutcome> {
  const key = digestPostKey(channel, date);
  const idempotencyKey = digestIdempotencyKey(channel, date);
  const nowMs = () => deps.now().getTime();
  const claimFor = (previous?: DigestPostRecord): DigestPostRecord => ({
    state: "claimed",
    owner: deps.owner,
    leaseUntil: nowMs() + deps.leaseMs,
    attempts: (previous?.attempts ?? 0) + 1,
    idempotencyKey,
  });

  let current = claimFor();
  let currentRaw = encode(current);
  let previous: DigestPostRecord | undefined;
  if (!(await deps.atomic.setIfAbsent(key, currentRaw, RETENTION_MS))) {
    const existingRaw = await deps.atomic.get(key);
    if (existingRaw === undefined) return { outcome: "busy" };
    const existing = decode(key, existingRaw);
    if (existing.state === "posted") {
      return { outcome: "already-posted", messageId: existing.messageId ?? "" };
    }
    if (existing.state === "abandoned") return { outcome: "abandoned", note: existing.note };
    if (existing.leaseUntil > nowMs()) return { outcome: "busy" };
    if (existing.attempts >= deps.maxAttempts) {
      const note = `Gave up after ${existing.attempts} attempts: ${existing.note ?? "no reason recorded"}`;
      const abandoned = encode({ ...existing, state: "abandoned", note });
      await deps.atomic.compareAndSet(key, existingRaw, abandoned, RETENTION_MS);
      return { outcome: "abandoned", note };
    }
    current = claimFor(existing);
    currentRaw = encode(current);
    if (!(await deps.atomic.compareAndSet(key, existingRaw, currentRaw, RETENTION_MS))) {
      return { outcome: "busy" };
    }
    previous = existing;
  }

  /** Moves our claim to its next state; false when another owner has taken it over. */
  const advance = async (next: DigestPostRecord): Promise<boolean> => {
    const nextRaw = encode(next);
    if (!(await deps.atomic.compareAndSet(key, currentRaw, nextRaw, RETENTION_MS))) return false;
    current = next;
    currentRaw = nextRaw;
    return true;
  };
  const markPosted = async (messageId: string) => {
    const postedAt = deps.now().toISOString();
    await advance({ ...current, state: "posted", messageId, postedAt, note: undefined });
    await deps.history.set(channelKey(channel), { localDate: date, messageId, postedAt });
  };

  try {
    if (previous?.state === "sending") {
      if (!deps.poster.findExisting) {
        const note =
          "An earlier attempt was interrupted while sending and this platform cannot check whether it arrived, so it is not sent again.";
        await advance({ ...current, state: "abandoned", note });
        return { outcome: "abandoned", note };
      }
      const existing = await deps.poster.findExisting(channel, idempotencyKey);
      if (existing) {
        await markPosted(existing.messageId);
        return { outcome: "recovered", messageId: existing.messageId };
      }
    }
    const content = await deps.compose(channel, date);
    if (!(await advance({ ...current, state: "sending", leaseUntil: nowMs() + deps.leaseMs }))) {
      return { outcome: "busy" };
    }
    const { messageId } = await deps.poster.post(channel, content, idempotencyKey);
    await markPosted(messageId);
    return { outcome: "posted", messageId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Keep the state (a failed send may still have arrived) and let the lease run out before
    // the next attempt; that attempt goes through findExisting when we were sending.
    await advance({ ...current, leaseUntil: nowMs() + deps.retryDelayMs, note: message }).catch(
      () => undefined,
    );
    return { outcome: "failed", error: message };
  }
}
