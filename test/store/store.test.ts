import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import { afterEach, describe, expect, it } from "vitest";
import {
  createStore,
  SQLITE_FILE_NAME,
  type Store,
  StoreVersionError,
} from "../../src/store/index.ts";

const tempDirs: string[] = [];
const openStores: Store[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "thesis-store-"));
  tempDirs.push(dir);
  return dir;
}

async function open(dataDir: string): Promise<Store> {
  const store = await createStore({ dataDir });
  openStores.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(openStores.splice(0).map((store) => store.close()));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("sqlite store", () => {
  it("creates a missing data directory and keeps settings, subscriptions and rotation across a restart", async () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const first = await open(dataDir);
    expect(first.backend).toBe("sqlite");
    await first.settings.set("guild-1", {
      adminUserIds: ["u1"],
      updatedAt: "2026-01-01T00:00:00Z",
    });
    await first.subscriptions.set("discord:c1", {
      channel: { platform: "discord", channelId: "c1", guildOrTeamId: "guild-1" },
      time: "09:00",
      timezone: "Europe/Berlin",
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    });
    await first.rotation.set("discord:c1", { recentIds: ["a", "b"], cursor: 2, updatedAt: "x" });
    await first.close();
    openStores.splice(openStores.indexOf(first), 1);

    const second = await open(dataDir);
    expect(await second.settings.get("guild-1")).toEqual({
      adminUserIds: ["u1"],
      updatedAt: "2026-01-01T00:00:00Z",
    });
    expect((await second.subscriptions.list()).map((row) => row.value.timezone)).toEqual([
      "Europe/Berlin",
    ]);
    expect(await second.rotation.get("discord:c1")).toMatchObject({ recentIds: ["a", "b"] });
    // Collections are separate namespaces: listing one never returns another's records.
    expect(await second.feedback.list()).toEqual([]);
  });

  it("refuses a record written by a newer release instead of misreading it", async () => {
    const dataDir = tempDir();
    const store = await open(dataDir);
    // A future release writing format version 2 into the same file.
    const adapter = new KeyvSqlite({ uri: `sqlite://${path.join(dataDir, SQLITE_FILE_NAME)}` });
    const future = new Keyv({
      store: adapter as unknown as KeyvStoreAdapter,
      namespace: "thesis-bot:settings",
    });
    await future.set("guild-9", { v: 2, data: { admins: { list: ["u1"] } } });
    await adapter.disconnect();

    await expect(store.settings.get("guild-9")).rejects.toThrow(StoreVersionError);
    await expect(store.settings.get("guild-9")).rejects.toThrow(
      /format version 2, but this thesis-bot understands only up to version 1/,
    );
    await expect(store.settings.list()).rejects.toThrow(/upgrade this instance/);
  });

  it("lets exactly one of two connections to the same file win a claim", async () => {
    const dataDir = tempDir();
    const [a, b] = await Promise.all([open(dataDir), open(dataDir)]);
    if (!a || !b) throw new Error("stores did not open");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? a : b).atomic.setIfAbsent("claim:x", `owner-${i}`, 60_000),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = await a.atomic.get("claim:x");
    expect(await b.atomic.compareAndSet("claim:x", "someone-else", "stolen", 60_000)).toBe(false);
    expect(await b.atomic.compareAndSet("claim:x", winner ?? "", "handed-over", 60_000)).toBe(true);
    expect(await a.atomic.get("claim:x")).toBe("handed-over");
  });
});
