// /thesis digest on [HH:MM] [zone] | off | status | preview — the daily digest of the channel
// the command is typed in. Changing it is for admins; looking at it is for everyone.
import { z } from "zod";
import { digestPreviewReply } from "../src/digest/replies.ts";
import { DEFAULT_DIGEST_TIME, DEFAULT_DIGEST_TIMEZONE } from "../src/digest/subscriptions.ts";
import { errorReply } from "../src/reply/build.ts";
import type { Reply } from "../src/reply/reply.ts";
import type { ChannelRef } from "../src/store/types.ts";
import { defineSubcommand } from "./define.ts";
import type { CommandContext } from "./types.ts";

const ACTIONS = ["on", "off", "status", "preview"] as const;
const CHOOSE =
  "Choose on, off, status or preview, for example: /thesis digest on 09:00 Europe/Berlin";

const options = z.object({
  action: z.enum(ACTIONS, { error: CHOOSE }),
  time: z
    .string({ error: "Give the time as HH:MM, for example 09:00." })
    .trim()
    .max(40, { error: "Give the time as HH:MM, for example 09:00." })
    .optional(),
  timezone: z
    .string({ error: "Give the time zone by its IANA name, for example Europe/Berlin." })
    .trim()
    .max(64, { error: "Give the time zone by its IANA name, for example Europe/Berlin." })
    .optional(),
});

function channelOf(ctx: CommandContext): ChannelRef | null {
  if (!ctx.channelId || ctx.platform === "cli") return null;
  // The workspace is kept so the digest posts with that workspace's token (Slack via OAuth).
  return {
    platform: ctx.platform,
    channelId: ctx.channelId,
    ...(ctx.workspaceId ? { guildOrTeamId: ctx.workspaceId } : {}),
  };
}

function info(title: string, summary: string, data?: unknown): Reply {
  return { kind: "info", title, summary, sections: [], actions: [], visibility: "private", data };
}

/** "digest on Europe/Berlin" means the default time in that zone. */
function timeAndZone(time?: string, timezone?: string): [string | undefined, string | undefined] {
  if (time && !timezone && !/^\d/.test(time)) return [undefined, time];
  return [time || undefined, timezone || undefined];
}

export const digestCommand = defineSubcommand({
  name: "digest",
  description: "Turn this channel's daily digest on or off, see its status, or preview today's",
  usage: "/thesis digest on [HH:MM] [time zone] | off | status | preview",
  options,
  optionMeta: {
    action: { description: "on, off, status or preview" },
    time: { description: `Local time of day for on, HH:MM (default ${DEFAULT_DIGEST_TIME})` },
    timezone: {
      description: `IANA time zone for on, e.g. Europe/Berlin (default ${DEFAULT_DIGEST_TIMEZONE})`,
    },
  },
  preconditions: {
    admin: {
      to: "change the digest for this channel",
      when: (input) => input.action === "on" || input.action === "off",
    },
  },
  async run(ctx, input): Promise<Reply> {
    const digest = ctx.digest;
    if (!digest) return errorReply("The daily digest is not available here.");
    const channel = channelOf(ctx);
    if (!channel) return errorReply("The digest belongs to a channel: run this in one.");
    switch (input.action) {
      case "on": {
        const [time, timezone] = timeAndZone(input.time, input.timezone);
        const result = await digest.subscribe(channel, time, timezone);
        if (!result.ok) return errorReply(result.error);
        return info("Daily digest on", result.message, result.subscription);
      }
      case "off": {
        const result = await digest.unsubscribe(channel);
        return info("Daily digest off", result.message, result);
      }
      case "status": {
        const status = await digest.status(channel);
        return info("Daily digest", status.message, status);
      }
      case "preview":
        return digestPreviewReply(await digest.preview(channel, ctx.now()));
    }
  },
});
