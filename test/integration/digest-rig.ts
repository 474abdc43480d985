// One bot's digest machinery for the posting tests: a real store in a temp folder, real
// subscriptions and the real scheduler composing with the real composer over the seeds,
// driven by a fake clock so one slot can be played exactly.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ThesisService } from "../../src/answer/types.ts";
import {
  createDigestScheduler,
  createDigestSubscriptions,
  type DigestPosters,
  type DigestRunReport,
  digestComposer,
} from "../../src/digest/index.ts";
import { createStore } from "../../src/store/index.ts";
import type { ChannelRef } from "../../src/store/types.ts";
import { createFakeTime } from "../digest/fake-time.ts";

export async function startDigestRig(options: {
  start: string;
  thesis: ThesisService;
  posters: DigestPosters;
  subscribe: { channel: ChannelRef; time: string; timezone: string }[];
}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "thesis-digest-post-"));
  const store = await createStore({ dataDir });
  const time = createFakeTime(options.start);
  const subscriptions = createDigestSubscriptions(store, { clock: time.clock });
  for (const { channel, time: at, timezone } of options.subscribe) {
    const result = await subscriptions.subscribe(channel, at, timezone);
    if (!result.ok) throw new Error(result.error);
  }
  const reports: DigestRunReport[] = [];
  const compose = digestComposer(options.thesis, store);
  const scheduler = createDigestScheduler({
    store,
    compose,
    posters: options.posters,
    clock: time.clock,
    timers: time.timers,
    pollMs: 10 * 60_000,
    leaseMs: 5 * 60_000,
    onReport: (report) => reports.push(report),
  });
  scheduler.start();
  return {
    store,
    reports,
    compose,
    /** Plays every timer up to `target`, letting each pass (and its HTTP calls) finish. */
    advanceTo: (target: string) => time.advanceTo(target, () => scheduler.idle()),
    async close() {
      scheduler.stop();
      await scheduler.idle();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type DigestRig = Awaited<ReturnType<typeof startDigestRig>>;

/** What each attempt did; later passes that find the day done ("already-posted") are left out. */
export const outcomes = (rig: DigestRig) =>
  rig.reports.map((report) => report.result.outcome).filter((o) => o !== "already-posted");

/** Whitespace-insensitive text, so a quote split over several fields or blocks still matches. */
export const flat = (text: string) => text.replace(/\s+/g, " ").trim();
