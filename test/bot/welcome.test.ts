// The welcome is claimed once per place in the real store, so a restart (a new process over
// the same SQLite file) or a second replica (the same Redis) never posts it again.

import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { welcomesIn } from "../../src/bot/welcome.ts";
import { createStore } from "../../src/store/index.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "thesis-welcome-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("welcome memory", () => {
  it("claims a place once across a restart over the same SQLite file", async () => {
    const first = await createStore({ dataDir });
    expect(await welcomesIn(first.atomic).claim("slack:T1:C1")).toBe(true);
    expect(await welcomesIn(first.atomic).claim("slack:T1:C1")).toBe(false);
    await first.close();
    const restarted = await createStore({ dataDir });
    expect(await welcomesIn(restarted.atomic).claim("slack:T1:C1")).toBe(false);
    expect(await welcomesIn(restarted.atomic).claim("slack:T1:C2")).toBe(true);
    await restarted.close();
  });

  it.skipIf(!process.env.REDIS_URL)("lets one of two replicas sharing Redis claim it", async () => {
    const keyPrefix = `welcome-test-${randomUUID()}`;
    const redisUrl = process.env.REDIS_URL ?? "";
    const a = await createStore({ dataDir: "unused", redisUrl, keyPrefix });
    const b = await createStore({ dataDir: "unused", redisUrl, keyPrefix });
    const claims = await Promise.all([
      welcomesIn(a.atomic).claim("discord:G1"),
      welcomesIn(b.atomic).claim("discord:G1"),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await a.atomic.delete("welcome:discord:G1");
    await Promise.all([a.close(), b.close()]);
  });
});
