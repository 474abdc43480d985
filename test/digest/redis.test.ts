import { randomUUID } from "node:crypto";
import { createClient } from "@keyv/redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BERLIN_CHANNEL, createHarness, type Harness } from "./harness.ts";

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)(
  "redis: two schedulers sharing Redis post exactly once (needs REDIS_URL)",
  () => {
    const runPrefix = `thesis-test-${randomUUID()}`;
    const raw = createClient({ url: redisUrl });
    let harness: Harness | undefined;
    let testIndex = 0;

    const newHarness = (start: string) => {
      testIndex += 1;
      harness = createHarness(start, { redisUrl, keyPrefix: `${runPrefix}-${testIndex}` });
      return harness;
    };

    beforeAll(async () => {
      await raw.connect();
    });
    afterEach(async () => {
      await harness?.cleanup();
      harness = undefined;
    });
    afterAll(async () => {
      const keys = await raw.keys(`${runPrefix}*`);
      if (keys.length > 0) await raw.del(keys);
      await raw.close();
    });

    it("two replicas post one digest per day between them", async () => {
      const h = newHarness("2026-05-03T12:00:00Z");
      const store = await h.openStore();
      await h.subscriptions(store).subscribe(BERLIN_CHANNEL, "09:00", "Europe/Berlin");
      await h.startInstance();
      await h.startInstance();
      await h.advanceTo("2026-05-06T00:00:00Z");
      expect(h.chat.messages.map((m) => [m.at, m.idempotencyKey])).toEqual([
        ["2026-05-04T07:00:00.000Z", "digest:discord:c-berlin:2026-05-04"],
        ["2026-05-05T07:00:00.000Z", "digest:discord:c-berlin:2026-05-05"],
      ]);
    });

    it("replicas racing over many due channels post each channel once", async () => {
      const h = newHarness("2026-05-03T12:00:00Z");
      const store = await h.openStore();
      const subs = h.subscriptions(store);
      for (let i = 0; i < 12; i++) {
        await subs.subscribe({ platform: "discord", channelId: `c${i}` }, "09:00", "UTC");
      }
      const replicas = [await h.startInstance(), await h.startInstance(), await h.startInstance()];
      await h.settle();
      h.time.set("2026-05-04T09:00:00Z");
      await Promise.all(
        replicas.flatMap(({ scheduler }) => [scheduler.runDue(), scheduler.runDue()]),
      );
      const perChannel = new Map<string, number>();
      for (const message of h.chat.messages) {
        perChannel.set(message.channelId, (perChannel.get(message.channelId) ?? 0) + 1);
      }
      expect(perChannel.size).toBe(12);
      expect([...perChannel.values()].every((count) => count === 1)).toBe(true);
    });
  },
);
