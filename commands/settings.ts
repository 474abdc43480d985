// /thesis settings show | channels add|remove|clear | limit N/S|0|default | admins add|remove <user>
// — how the bot behaves in this workspace (Slack) or server (Discord): the channels where it
// answers, this channel's rate limit, and who else may change settings. Looking is for
// everyone; changing is for admins (the refusal names who may).
import { z } from "zod";
import { errorReply } from "../src/reply/build.ts";
import type { Reply } from "../src/reply/reply.ts";
import type { GuildSettings } from "../src/store/types.ts";
import { defineSubcommand } from "./define.ts";

const ACTIONS = ["show", "channels", "limit", "admins"] as const;
const CHOOSE = "Choose show, channels, limit or admins, for example: /thesis settings channels add";

const options = z.object({
  action: z.enum(ACTIONS, { error: CHOOSE }),
  change: z.string().trim().max(40).optional(),
  user: z.string().trim().max(80).optional(),
});

/** "<@U123>", "<@U123|ann>", "<@!123>" (mentions as platforms send them) or a bare id. */
function userIdOf(text: string | undefined): string | undefined {
  const match = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$|^([A-Za-z0-9]+)$/.exec(text ?? "");
  return match?.[1] ?? match?.[2];
}

type ChannelRule = { limit: number; windowMs: number } | null;

/** "5/60" -> 5 per 60 s; "0" -> no limit (null); "default" -> the deployment's; else undefined. */
function limitOf(text: string): ChannelRule | "default" | undefined {
  if (text === "default") return "default";
  if (text === "0") return null;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const [count, seconds] = [Number(match?.[1]), Number(match?.[2])];
  return match && count > 0 && seconds > 0 ? { limit: count, windowMs: seconds * 1000 } : undefined;
}

/** Ids as plain text: every renderer escapes a summary, so a <#link> would show as typed. */
const place = (channelId: string) => `channel ${channelId}`;

function describe(settings: GuildSettings): string {
  const channels = settings.answerChannels ?? [];
  const limits = Object.entries(settings.channelLimits ?? {});
  return [
    channels.length
      ? `Answers only in ${channels.map(place).join(", ")}.`
      : "Answers in every channel.",
    limits.length
      ? `Channel limits: ${limits.map(([id, rule]) => `${place(id)} ${rule ? `${rule.limit} per ${rule.windowMs / 1000} s` : "none"}`).join("; ")}.`
      : "Every channel has the default limit.",
    settings.adminUserIds.length
      ? `Extra admins: ${settings.adminUserIds.join(", ")}.`
      : "No extra admins.",
  ].join(" ");
}

export const settingsCommand = defineSubcommand({
  name: "settings",
  description: "Where the bot answers, this channel's rate limit and extra admins",
  usage:
    "/thesis settings show | channels add|remove|clear | limit <count/seconds>|0|default | admins add|remove <user>",
  options,
  optionMeta: {
    action: { description: "show, channels, limit or admins" },
    change: { description: "add, remove or clear; or a limit such as 5/60, 0 or default" },
    user: { description: "for admins: the user to add or remove" },
  },
  preconditions: {
    admin: { to: "change settings", when: (input) => input.action !== "show" },
  },
  async run(ctx, input): Promise<Reply> {
    const settings = ctx.settings;
    const workspaceId = ctx.workspaceId;
    if (!settings || !workspaceId) {
      return errorReply("Settings belong to a workspace or server: run this in one.");
    }
    const channelId = ctx.channelId;
    const change = (input.change ?? "").toLowerCase();
    const done = async (update: (s: GuildSettings) => GuildSettings) => {
      const next = await settings.update(workspaceId, update);
      return info("Settings changed", describe(next), next);
    };
    switch (input.action) {
      case "show": {
        const current = await settings.get(workspaceId);
        return info("Settings", describe(current), current);
      }
      case "channels": {
        if (change === "clear") return done((s) => ({ ...s, answerChannels: [] }));
        if (!channelId) return errorReply("Run this in the channel to add or remove.");
        if (change === "add")
          return done((s) => ({
            ...s,
            answerChannels: [...new Set([...(s.answerChannels ?? []), channelId])],
          }));
        if (change === "remove")
          return done((s) => ({
            ...s,
            answerChannels: (s.answerChannels ?? []).filter((id) => id !== channelId),
          }));
        return errorReply("Say add, remove or clear, for example: /thesis settings channels add");
      }
      case "limit": {
        if (!channelId) return errorReply("Run this in the channel whose limit you want to set.");
        const rule = limitOf(change);
        if (rule === undefined) {
          return errorReply(
            "Give the limit as count/seconds (5/60), 0 for none, or default, for example: /thesis settings limit 5/60",
          );
        }
        return done((s) => {
          const limits = { ...(s.channelLimits ?? {}) };
          if (rule === "default") delete limits[channelId];
          else limits[channelId] = rule;
          return { ...s, channelLimits: limits };
        });
      }
      case "admins": {
        const userId = userIdOf(input.user);
        if (!userId || (change !== "add" && change !== "remove")) {
          return errorReply(
            "Say add or remove and who, for example: /thesis settings admins add @ann",
          );
        }
        return done((s) => ({
          ...s,
          adminUserIds:
            change === "add"
              ? [...new Set([...s.adminUserIds, userId])]
              : s.adminUserIds.filter((id) => id !== userId),
        }));
      }
    }
  },
});

function info(title: string, summary: string, data: unknown): Reply {
  return { kind: "info", title, summary, sections: [], actions: [], visibility: "private", data };
}
