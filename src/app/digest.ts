// The digest as the commands see it (subscriptions + preview) and the day's content, which
// answer/digest composes: the same pair and risk for a (channel, date) wherever it is asked.
import type { DigestCommands, DigestPreview, SubcommandDefinition } from "../../commands/types.ts";
import { composeDigest, type DigestMemory } from "../answer/digest.ts";
import type { ThesisService } from "../answer/types.ts";
import type { DigestSubscriptions } from "../digest/index.ts";
import { localDate } from "../digest/index.ts";
import type { ChannelRef } from "../store/types.ts";
import { withContext } from "./with-context.ts";

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

/** Gives every run the digest commands, for adapters that do not pass them themselves. */
export function withDigest(
  defs: readonly SubcommandDefinition[],
  digest: DigestCommands,
): SubcommandDefinition[] {
  return withContext(defs, { digest });
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
