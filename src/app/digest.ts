// The digest as the commands see it (subscriptions + preview) and the day's content, which
// answer/digest composes: the same pair and risk for a (channel, date) wherever it is asked.
import type { DigestCommands, DigestPreview, SubcommandDefinition } from "../../commands/types.ts";
import { composeDigest, type DigestMemory } from "../answer/digest.ts";
import type { ThesisService } from "../answer/types.ts";
import {
  createDigestScheduler,
  type DigestPosters,
  type DigestScheduler,
  type DigestSubscriptions,
  localDate,
} from "../digest/index.ts";
import type { Store } from "../store/index.ts";
import { isRedisUnreachable } from "../store/redis-connection.ts";
import type { ChannelRef } from "../store/types.ts";
import { degradedNotice } from "./degraded.ts";
import type { AppLog } from "./log.ts";

export type ComposeDigestContent = (
  channel: ChannelRef,
  date: string,
  options?: { preview?: boolean },
) => Promise<DigestPreview>;

export function digestCommandsFrom(
  subscriptions: DigestSubscriptions,
  compose: ComposeDigestContent,
): DigestCommands {
  return {
    subscribe: (channel, time, timezone) => subscriptions.subscribe(channel, time, timezone),
    unsubscribe: (channel) => subscriptions.unsubscribe(channel),
    status: (channel) => subscriptions.status(channel),
    async preview(channel, at) {
      const status = await subscriptions.status(channel);
      const zone = status.subscribed ? status.subscription.timezone : "UTC";
      return compose(channel, localDate(at, zone), { preview: true });
    },
  };
}

/**
 * The real composer (answer/digest). With the store's collections it also reports what is
 * new since the channel's last digest; the scheduler's calls record a snapshot for that,
 * previews (`{ preview: true }`) only read.
 */
export function digestComposer(thesis: ThesisService, memory?: DigestMemory): ComposeDigestContent {
  return (channel, date, options) =>
    composeDigest(thesis, channel, date, {
      ...(memory ? { memory } : {}),
      record: !options?.preview,
    });
}

/**
 * The scheduler as the app runs it: each post and each failed pass in the log, and a store
 * outage as one "degraded" line and one "recovered" line rather than one error per pass.
 */
export function startDigestScheduler(setup: {
  store: Store;
  compose: ComposeDigestContent;
  posters: DigestPosters<DigestPreview>;
  log: AppLog;
  /** Longest sleep between passes (default one minute); tests shorten it. */
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
