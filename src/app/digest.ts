// The digest as the commands see it (subscriptions + preview) and the day's content.
// `provisionalDigest` stands in until the answer layer's composeDigest lands: it rotates
// through topics and risks by date so each day differs, using only verified citations.
import type {
  CommandContext,
  DigestCommands,
  DigestPreview,
  SubcommandDefinition,
} from "../../commands/types.ts";
import type { ThesisService } from "../answer/types.ts";
import type { DigestSubscriptions } from "../digest/index.ts";
import { localDate } from "../digest/index.ts";
import type { ChannelRef } from "../store/types.ts";

export type ComposeDigestContent = (channel: ChannelRef, date: string) => Promise<DigestPreview>;

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
      return compose(channel, localDate(at, zone));
    },
  };
}

/** Gives every run the digest commands, for adapters that do not pass them themselves. */
export function withDigest(
  defs: readonly SubcommandDefinition[],
  digest: DigestCommands,
): SubcommandDefinition[] {
  return defs.map((def) => ({
    ...def,
    run: (ctx: CommandContext, input: Parameters<typeof def.run>[1]) =>
      def.run(ctx.digest ? ctx : { ...ctx, digest }, input),
  }));
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function provisionalDigest(thesis: ThesisService): ComposeDigestContent {
  return async (_channel, date) => {
    const day = dayNumber(date);
    const topics = thesis.topics();
    let pair: DigestPreview["pair"] = null;
    for (let i = 0; i < topics.length && !pair; i++) {
      const topic = topics[(day + i) % topics.length];
      if (!topic) continue;
      const pairs = thesis.bullbear(topic.id).pairs.filter((p) => p.bull && p.bear);
      pair = pairs[day % Math.max(1, pairs.length)] ?? null;
    }
    const risks = thesis.risks().risks;
    const risk = risks.length > 0 ? (risks[day % risks.length] ?? null) : null;
    const lines = [`thesis-bot digest for ${date}`];
    if (pair?.bull) lines.push(`Bull: “${pair.bull.quote}” — ${pair.bull.title}`);
    if (pair?.bear) lines.push(`Bear: “${pair.bear.quote}” — ${pair.bear.title}`);
    if (risk) lines.push(`Risk: ${risk.label}`);
    if (!pair && !risk) lines.push("The corpus has no bull/bear pair or risk to quote today.");
    return {
      date,
      pair,
      risk: risk ? { label: risk.label, citations: risk.citations } : null,
      text: lines.join("\n"),
    };
  };
}
