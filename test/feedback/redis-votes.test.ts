// Votes on Redis (REDIS_URL): two replicas sharing one Redis share the install's salt, so a
// user's vote through either replica replaces their earlier one, and the summary is the same
// from both.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStoreFeedback } from "../../src/feedback/store-feedback.ts";
import type { Vote } from "../../src/feedback/types.ts";
import { createStore, type Store } from "../../src/store/index.ts";

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)("feedback on Redis (needs REDIS_URL)", () => {
  const keyPrefix = `thesis-test-votes-${randomUUID()}`;
  let one: Store;
  let two: Store;
  beforeAll(async () => {
    one = await createStore({ dataDir: "unused", redisUrl, keyPrefix });
    two = await createStore({ dataDir: "unused", redisUrl, keyPrefix });
  });
  afterAll(async () => {
    for (const row of await one.feedback.list()) await one.feedback.delete(row.id);
    await one.atomic.delete("feedback:salt");
    await one.close();
    await two.close();
  });

  const vote = (userId: string, up: boolean): Vote => ({
    commandText: "ask why does distribution usually win",
    command: "ask",
    platform: "discord",
    userId,
    vote: up ? "up" : "down",
    citations: [{ file: "seeds/a.md", lines: [3, 4] }],
    at: new Date("2026-11-29T12:00:00Z"),
  });

  it("keeps one vote per user across replicas; the later one wins", async () => {
    await createStoreFeedback(one).record(vote("1234", true));
    await createStoreFeedback(two).record(vote("1234", false));
    await createStoreFeedback(two).record(vote("5678", true));
    const summary = await createStoreFeedback(one).summary();
    expect(summary).toMatchObject({ votes: 2, up: 1, down: 1, answers: 1 });
    expect(summary.byCommand).toEqual({ ask: { up: 1, down: 1 } });
    const stored = (await two.feedback.list()).map((row) => row.value.userId);
    expect(stored.every((id) => /^[0-9a-f]{64}$/.test(id) && !id.includes("1234"))).toBe(true);
  });
});
