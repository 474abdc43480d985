// The digest as `/thesis digest` sees it: the subscription API plus today's digest, composed
// for the channel's own local date, so a preview shows what that channel gets today.
import { localDate } from "./local-time.ts";
import { DEFAULT_DIGEST_TIMEZONE } from "./subscriptions.ts";
import type { ComposeDigest, DigestCommands, DigestSubscriptions } from "./types.ts";

export function digestCommandsFrom(
  subscriptions: DigestSubscriptions,
  compose: ComposeDigest,
): DigestCommands {
  return {
    subscribe: (channel, time, timezone) => subscriptions.subscribe(channel, time, timezone),
    unsubscribe: (channel) => subscriptions.unsubscribe(channel),
    status: (channel) => subscriptions.status(channel),
    statusesIn: (platform, workspaceId) => subscriptions.statusesIn(platform, workspaceId),
    async preview(channel, at) {
      const status = await subscriptions.status(channel);
      const zone = status.subscribed ? status.subscription.timezone : DEFAULT_DIGEST_TIMEZONE;
      return compose(channel, localDate(at, zone), { preview: true });
    },
  };
}
