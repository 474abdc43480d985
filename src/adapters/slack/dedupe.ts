// Slack redelivers an event it thinks we missed (X-Slack-Retry-Num), with the same event_id.
// Remembering recent ids answers each event once. Bounded and time-limited so a busy
// workspace cannot grow it without end; an id older than the TTL is past Slack's retries.
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 5000,
    private readonly ttlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the id; returns false when it was already seen within the TTL. */
  firstSighting(id: string): boolean {
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
