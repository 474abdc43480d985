// Real stores on a temp SQLite file (or Redis), real schedulers, a fake clock and a fake chat.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createDigestScheduler,
  createDigestSubscriptions,
  type DigestRunReport,
  type DigestScheduler,
} from "../../src/digest/index.ts";
import type { ComposeDigest } from "../../src/digest/types.ts";
import { createStore, type Store, type StoreOptions } from "../../src/store/index.ts";
import { createFakeChat } from "./fake-chat.ts";
import { createFakeTime } from "./fake-time.ts";

export const BERLIN_CHANNEL = {
  platform: "discord",
  channelId: "c-berlin",
  guildOrTeamId: "g1",
} as const;

export interface InstanceOptions {
  canSearch?: boolean;
  compose?: ComposeDigest<unknown>;
}

export function createHarness(start: string, storeOptions: Partial<StoreOptions> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "thesis-digest-"));
  const time = createFakeTime(start);
  const chat = createFakeChat(time.clock);
  const stores: Store[] = [];
  const live = new Set<DigestScheduler>();
  const reports: DigestRunReport[] = [];

  async function openStore(): Promise<Store> {
    const store = await createStore({ dataDir, ...storeOptions });
    stores.push(store);
    return store;
  }

  return {
    time,
    chat,
    reports,
    openStore,
    subscriptions: (store: Store) => createDigestSubscriptions(store, { clock: time.clock }),
    /** A bot process: its own store connection and scheduler, started now. */
    async startInstance(options: InstanceOptions = {}) {
      const store = await openStore();
      const scheduler = createDigestScheduler({
        store,
        compose: options.compose ?? (async (_channel, date) => ({ date })),
        posters: { discord: chat.poster({ canSearch: options.canSearch ?? true }) },
        clock: time.clock,
        timers: time.timers,
        pollMs: 3_600_000,
        leaseMs: 5 * 60_000,
        onReport: (report) => reports.push(report),
      });
      scheduler.start();
      live.add(scheduler);
      return { store, scheduler };
    },
    /** Stops a scheduler without waiting for its posts, like a process that died. */
    crash(scheduler: DigestScheduler) {
      scheduler.stop();
      live.delete(scheduler);
    },
    settle: () => Promise.all([...live].map((scheduler) => scheduler.idle())),
    advanceTo(target: string) {
      return time.advanceTo(target, () => Promise.all([...live].map((s) => s.idle())));
    },
    async cleanup() {
      for (const scheduler of live) scheduler.stop();
      live.clear();
      await Promise.all(stores.map((store) => store.close()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;
