// Redis taken away from a running bot and given back, with a Redis server of the test's own:
// /thesis keeps answering through the real Slack app, rate limits and digest scheduling each
// say once that they are degraded, and both recover (limits count again, the due digest is
// posted) when Redis returns.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { createThesisService } from "../../src/answer/service.ts";
import { createAppLog } from "../../src/app/log.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger } from "../../src/corpus/ledger.ts";
import {
  channelKey,
  type Digest,
  type DigestScheduler,
  digestComposer,
  startDigestScheduler,
} from "../../src/digest/index.ts";
import { degradedNotice } from "../../src/lib/degraded.ts";
import { createRateLimiter, createStore, type Store } from "../../src/store/index.ts";
import { type OwnRedis, ownRedis, redisServerBinary } from "../fakes/own-redis.ts";
import { type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

const QUESTION = "ask why does distribution usually win?";

/** A channel whose digest is due today: 00:00 UTC has passed for a subscription made yesterday. */
async function subscribeDueChannel(store: Store): Promise<void> {
  const channel = { platform: "console", channelId: "outage" } as const;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  await store.subscriptions.set(channelKey(channel), {
    channel,
    time: "00:00",
    timezone: "UTC",
    createdAt: yesterday,
    updatedAt: yesterday,
  });
}
const ANSWER = "distribution usually wins";

/** Polls until `check` holds (or fails the test after `ms`). */
async function until(check: () => boolean, what: () => string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await sleep(50);
  }
}

describe.skipIf(!redisServerBinary)(
  "Redis lost while running (needs the redis-server binary; .ci/run installs it)",
  () => {
    let redis: OwnRedis;
    let store: Store;
    let harness: SlackHarness;
    let scheduler: DigestScheduler | undefined;
    let log = "";
    const appLog = createAppLog("info", (line) => {
      log += line;
    });
    const count = (text: string) => log.split(text).length - 1;
    const posted: string[] = [];
    let composer: ReturnType<typeof digestComposer>;

    beforeAll(async () => {
      redis = await ownRedis();
      store = await createStore({
        dataDir: "unused",
        redisUrl: redis.url,
        keyPrefix: `outage-${randomUUID()}`,
      });
      const limiter = createRateLimiter(store, {
        perUser: { limit: 3, windowMs: 60_000 },
        perChannel: null,
        // One fixed instant: the limit counts in fixed windows, and a slow run must not cross one.
        now: () => new Date("2026-05-04T10:00:30Z"),
      });
      const health = degradedNotice(appLog, "Rate limits", "commands are answered without limits");
      const thesis = createThesisService(await buildLedger(`${PACKAGE_ROOT}/seeds`));
      harness = await startSlackHarness({
        commands: thesisCommands,
        thesis,
        limiter,
        limiterHealth: health,
      });
      composer = digestComposer(thesis, store);
    }, 60_000);

    afterAll(async () => {
      scheduler?.stop();
      await harness?.close();
      await store?.close();
      await redis?.stop();
    });

    let answered = 0;
    const ask = async (user: string) => {
      const id = `r${++answered}`;
      expect((await harness.slash(QUESTION, id, { user_id: user })).status).toBe(200);
      const calls = await harness.fake.waitForCalls("response_url", answered, 15_000);
      const reply = calls.find((call) => call.responseId === id);
      return reply ? visibleText(reply.args) : "";
    };

    it("answers every command while Redis is down, saying once that rate limits are degraded", async () => {
      expect(await ask("U_BEFORE")).toContain(ANSWER);
      await redis.stop();
      const started = performance.now();
      for (let i = 0; i < 5; i++) expect(await ask("U_DURING")).toContain(ANSWER);
      // Five commands, none waiting on Redis: well under Slack's 3 s each.
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(count("warn: Rate limits degraded: the store is unreachable")).toBe(1);
      expect(log).toContain("commands are answered without limits until it is back.");
    }, 60_000);

    it("says once that digest scheduling is degraded, then posts the due digest when Redis returns", async () => {
      scheduler = startDigestScheduler({
        store,
        compose: composer,
        posters: {
          console: {
            async post(_channel, content: Digest, key) {
              posted.push(content.text);
              return { messageId: key };
            },
          },
        },
        log: appLog,
        pollMs: 100,
      });
      // Many passes fail; one line says so.
      await sleep(1_000);
      expect(count("warn: Digest scheduling degraded: the store is unreachable")).toBe(1);
      expect(log).not.toContain("error: Digest pass failed");
      expect(posted).toEqual([]);

      await redis.start();
      // This Redis keeps nothing across a restart: the subscription is made again once the
      // store's client has reconnected on its own.
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          await subscribeDueChannel(store);
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await sleep(100);
        }
      }
      await until(
        () => posted.length === 1,
        () => `the due digest (log: ${log})`,
      );
      await until(
        () => log.includes("Digest scheduling recovered"),
        () => "the recovery line",
      );
      expect(count("Digest scheduling recovered: the store answers again.")).toBe(1);
    }, 60_000);

    it("counts rate limits again once Redis is back, and says so once", async () => {
      // The store's client reconnected on its own (the digest pass above went through it).
      const replies: string[] = [];
      for (let i = 0; i < 4; i++) replies.push(await ask("U_AFTER"));
      expect(replies.slice(0, 3).every((text) => text.includes(ANSWER))).toBe(true);
      expect(replies[3]).toMatch(/You have used \/thesis 3 times in the last minute/);
      expect(count("Rate limits recovered: the store answers again.")).toBe(1);
      expect(count("Rate limits degraded")).toBe(1);
    }, 60_000);
  },
);
