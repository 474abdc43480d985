// Slack redelivers an event it thinks we missed (X-Slack-Retry-Num), with the same event_id.
// Remembering recent ids answers each event once. With the store (SQLite, or Redis shared by
// replicas) the first replica to claim an id answers it, whichever replica the retry reaches;
// without one, a bounded in-memory map does it for this process alone. Ids expire after the
// TTL, which is past Slack's last retry.
import type { AtomicStore } from "../../store/index.ts";

/** Slack retries up to three times: at once, after a minute, after five. Defaults to 10 minutes. */
export const REDELIVERY_TTL_MS = 10 * 60_000;

export interface SeenEvents {
  /** Records the id; resolves false when it was already seen within the TTL. */
  firstSighting(id: string): Promise<boolean>;
}

/**
 * Shared across replicas: one atomic claim per event id. While the store is unreachable this
 * process remembers ids itself: a retry might then be answered twice, never not at all.
 */
export function storedEventIds(atomic: AtomicStore, ttlMs = REDELIVERY_TTL_MS): SeenEvents {
  const local = new RecentIds(undefined, ttlMs);
  return {
    firstSighting: (id) =>
      atomic.setIfAbsent(`slack:event:${id}`, "1", ttlMs).catch(() => local.firstSighting(id)),
  };
}

export class RecentIds implements SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 5000,
    private readonly ttlMs = REDELIVERY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSighting(id: string): Promise<boolean> {
    const time = this.now();
    const previous = this.seen.get(id);
    if (previous !== undefined && time - previous < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, time);
    // Maps iterate in insertion order, so the first key is the oldest.
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }
}
