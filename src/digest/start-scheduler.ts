// The scheduler as the app runs it: each post and each failed pass in the log, and a store
// outage as one "degraded" line and one "recovered" line rather than one error per pass.
import { degradedNotice } from "../lib/degraded.ts";
import type { Store } from "../store/create-store.ts";
import { isRedisUnreachable } from "../store/redis-connection.ts";
import { createDigestScheduler, type DigestScheduler } from "./scheduler.ts";
import type { ComposeDigest, DigestLog, DigestPosters } from "./types.ts";

export function startDigestScheduler(setup: {
  store: Pick<Store, "subscriptions" | "digestHistory" | "atomic">;
  compose: ComposeDigest;
  posters: DigestPosters;
  log: DigestLog;
  /** Longest sleep between passes; tests shorten it. Defaults to the scheduler's (one minute). */
  pollMs?: number;
}): DigestScheduler {
  const { log } = setup;
  const health = degradedNotice(
    log,
    "Digest scheduling",
    "no digest is posted (due ones are posted the same day once it returns)",
  );
  const scheduler = createDigestScheduler({
    store: setup.store,
    compose: setup.compose,
    posters: setup.posters,
    ...(setup.pollMs === undefined ? {} : { pollMs: setup.pollMs }),
    onReport: ({ channel, localDate: date, result }) =>
      log.info(`Digest ${channel.platform}:${channel.channelId} ${date}: ${result.outcome}.`),
    onError: (error) =>
      isRedisUnreachable(error) ? health.failed(error) : log.error("Digest pass failed", error),
    onStoreReached: () => health.ok(),
  });
  scheduler.start();
  return scheduler;
}
