import { randomUUID } from "node:crypto";
import { createClient } from "@keyv/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRateLimiter,
  createStore,
  type Store,
  StoreVersionError,
} from "../../src/store/index.ts";

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)(
  "redis: store records, version check and shared limits (needs REDIS_URL)",
  () => {
    const keyPrefix = `thesis-test-${randomUUID()}`;
    const raw = createClient({ url: redisUrl });
    const stores: Store[] = [];
    const open = async () => {
      const store = await createStore({ dataDir: "unused", redisUrl, keyPrefix });
      stores.push(store);
      return store;
    };

    beforeAll(async () => {
      await raw.connect();
    });
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      const keys = await raw.keys(`${keyPrefix}*`);
      if (keys.length > 0) await raw.del(keys);
      await raw.close();
    });

    it("keeps namespaced records that another replica can read and list", async () => {
      const [a, b] = [await open(), await open()];
      expect(a.backend).toBe("redis");
      await a.rotation.set("discord:c1", { recentIds: ["x"], cursor: 1, updatedAt: "t" });
      await a.feedback.set("ask risks:u1", {
        answerKey: "ask risks",
        userId: "u1",
        vote: "up",
        at: "t",
      });
      expect(await b.rotation.get("discord:c1")).toMatchObject({ recentIds: ["x"] });
      expect((await b.rotation.list()).map((row) => row.id)).toEqual(["discord:c1"]);
      expect((await b.feedback.list()).map((row) => row.value.vote)).toEqual(["up"]);
    });

    it("refuses a record written by a newer release", async () => {
      const store = await open();
      // What @keyv/redis stores: the keyv envelope, under namespace::key.
      await raw.set(
        `${keyPrefix}:settings::guild-9`,
        JSON.stringify({ value: { v: 3, data: {} }, expires: null }),
      );
      await expect(store.settings.get("guild-9")).rejects.toThrow(StoreVersionError);
      await expect(store.settings.get("guild-9")).rejects.toThrow(/format version 3/);
    });

    it("shares one rate-limit budget between replicas", async () => {
      const rule = { limit: 2, windowMs: 60_000 };
      const now = () => new Date("2026-05-04T10:00:30Z");
      const a = createRateLimiter(await open(), { perUser: rule, perChannel: rule, now });
      const b = createRateLimiter(await open(), { perUser: rule, perChannel: rule, now });
      expect((await a.check("dave")).ok).toBe(true);
      expect((await b.check("dave")).ok).toBe(true);
      expect(await a.check("dave")).toMatchObject({ ok: false, retryAfterSeconds: 30 });
      expect((await b.check("erin")).ok).toBe(true);
    });
  },
);
