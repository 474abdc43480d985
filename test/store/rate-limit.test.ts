import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRateLimiter, createStore, type Store } from "../../src/store/index.ts";

let dataDir: string | undefined;
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function openStore(): Promise<Store> {
  dataDir ??= mkdtempSync(path.join(tmpdir(), "thesis-ratelimit-"));
  const store = await createStore({ dataDir });
  stores.push(store);
  return store;
}

function manualClock(start: string) {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const perUser = { limit: 3, windowMs: 60_000 };
const perChannel = { limit: 5, windowMs: 60_000 };

describe("rate limiter", () => {
  it("refuses the user's 4th call in a minute with the seconds left, and lets others through", async () => {
    const clock = manualClock("2026-05-04T10:00:10Z");
    const limiter = createRateLimiter(await openStore(), { perUser, perChannel, now: clock.now });
    for (let i = 0; i < 3; i++)
      expect(await limiter.check("alice", "general")).toEqual({ ok: true });
    const refused = await limiter.check("alice", "general");
    expect(refused).toMatchObject({ ok: false, scope: "user", retryAfterSeconds: 50 });
    expect(!refused.ok && refused.message).toBe(
      "You have used /thesis 3 times in the last minute. Try again in 50 seconds.",
    );
    expect(await limiter.check("bob", "general")).toEqual({ ok: true });

    clock.advance(50_000);
    expect(await limiter.check("alice", "general")).toEqual({ ok: true });
  });

  it("limits a busy channel across users, without touching other channels", async () => {
    const clock = manualClock("2026-05-04T10:00:00Z");
    const limiter = createRateLimiter(await openStore(), { perUser, perChannel, now: clock.now });
    const users = ["u1", "u2", "u3", "u4", "u5"];
    for (const user of users) expect((await limiter.check(user, "busy")).ok).toBe(true);
    const refused = await limiter.check("u6", "busy");
    expect(refused).toMatchObject({ ok: false, scope: "channel", retryAfterSeconds: 60 });
    expect(await limiter.check("u6", "quiet")).toEqual({ ok: true });
  });

  it("two bot replicas on one store share the budget", async () => {
    const clock = manualClock("2026-05-04T10:00:00Z");
    const a = createRateLimiter(await openStore(), { perUser, perChannel, now: clock.now });
    const b = createRateLimiter(await openStore(), { perUser, perChannel, now: clock.now });
    const results = await Promise.all([a, b, a, b].map((limiter) => limiter.check("carol")));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
  });
});
