// The subscription API behind `/thesis digest on [HH:MM] [zone] | off | status`.
// Bad input comes back as a sentence the command can show as is; nothing here throws for it.
import type { Store } from "../store/create-store.ts";
import type { DigestSubscription } from "../store/types.ts";
import { channelKey } from "./channel-key.ts";
import { todaySlot, upcomingSlot } from "./due.ts";
import { formatLocal, parseTimeOfDay, parseTimeZone } from "./local-time.ts";
import { readDigestPost } from "./post-once.ts";
import type { Clock, DigestSubscriptions, SubscribedStatus } from "./types.ts";

/** When `digest on` is given no time: 09:00 local time. */
export const DEFAULT_DIGEST_TIME = "09:00";
/** When `digest on` is given no zone, and the zone of an unsubscribed channel's preview: UTC. */
export const DEFAULT_DIGEST_TIMEZONE = "UTC";

export interface DigestSubscriptionsOptions {
  clock?: Clock;
  /** Called after a change, e.g. so the scheduler re-plans its next wake-up at once. */
  onChange?: () => void;
}

export function createDigestSubscriptions(
  store: Pick<Store, "subscriptions" | "digestHistory" | "atomic">,
  options: DigestSubscriptionsOptions = {},
): DigestSubscriptions {
  const now = () => options.clock?.now() ?? new Date();

  async function nextPost(subscription: DigestSubscription, at: Date): Promise<Date> {
    const today = todaySlot(subscription, at);
    if (today.due) {
      const record = await readDigestPost(store.atomic, subscription.channel, today.date);
      if (record?.state !== "posted" && record?.state !== "abandoned") return at;
    }
    return upcomingSlot(subscription, at);
  }

  async function statusOf(subscription: DigestSubscription): Promise<SubscribedStatus> {
    const channel = subscription.channel;
    const at = now();
    const nextPostAt = await nextPost(subscription, at);
    const nextPostLocal = formatLocal(nextPostAt, subscription.timezone);
    const lastPost = await store.digestHistory.get(channelKey(channel));
    const when =
      nextPostAt.getTime() === at.getTime() ? "now (catching up on today's)" : nextPostLocal;
    const last = lastPost ? ` Last posted on ${lastPost.localDate}.` : "";
    return {
      subscribed: true,
      subscription,
      nextPostAt,
      nextPostLocal,
      ...(lastPost ? { lastPost } : {}),
      message: `Daily digest is on for this channel at ${subscription.time} ${subscription.timezone}. Next post: ${when}.${last}`,
    };
  }

  return {
    async subscribe(channel, time = DEFAULT_DIGEST_TIME, timezone = DEFAULT_DIGEST_TIMEZONE) {
      const parsedTime = parseTimeOfDay(time);
      if (!parsedTime.ok) return parsedTime;
      const parsedZone = parseTimeZone(timezone);
      if (!parsedZone.ok) return parsedZone;
      const at = now();
      const existing = await store.subscriptions.get(channelKey(channel));
      const subscription: DigestSubscription = {
        channel,
        time: parsedTime.value,
        timezone: parsedZone.value,
        createdAt: existing?.createdAt ?? at.toISOString(),
        updatedAt: at.toISOString(),
      };
      await store.subscriptions.set(channelKey(channel), subscription);
      options.onChange?.();
      const nextPostAt = upcomingSlot(subscription, at);
      return {
        ok: true,
        subscription,
        nextPostAt,
        message: `Daily digest is on for this channel at ${subscription.time} ${subscription.timezone}. First post: ${formatLocal(nextPostAt, subscription.timezone)}.`,
      };
    },

    async unsubscribe(channel) {
      const removed = await store.subscriptions.delete(channelKey(channel));
      if (removed) options.onChange?.();
      return {
        removed,
        message: removed
          ? "Daily digest is off for this channel."
          : "This channel had no daily digest to turn off.",
      };
    },

    async status(channel) {
      const subscription = await store.subscriptions.get(channelKey(channel));
      if (!subscription) {
        return {
          subscribed: false,
          message:
            "Daily digest is off for this channel. Turn it on with /thesis digest on [HH:MM] [time zone].",
        };
      }
      return statusOf(subscription);
    },

    async statusesIn(platform, workspaceId) {
      const rows = await store.subscriptions.list();
      const mine = rows
        .map((row) => row.value)
        .filter((s) => s.channel.platform === platform && s.channel.guildOrTeamId === workspaceId)
        .sort((a, b) => a.channel.channelId.localeCompare(b.channel.channelId));
      return Promise.all(mine.map(statusOf));
    },

    async list() {
      return (await store.subscriptions.list()).map((row) => row.value);
    },
  };
}
