// A home page for the bot (Slack's App Home tab): what it does, its commands, the sources it
// reads with their dates, and the daily digest of each of the workspace's channels that has
// one (read from the store's subscriptions for that workspace). Built from the help and
// sources subcommands themselves, so it always matches what /thesis answers.
import type { SubscribedStatus } from "../digest/types.ts";
import type { Reply, ReplySection } from "../reply/reply.ts";
import type { Bot } from "./bot.ts";
import type { ChatAdapter, ChatUser } from "./chat-adapter.ts";

/** Channels listed by name; a workspace with more gets "and N more". Defaults to 20. */
export const MAX_HOME_DIGESTS = 20;

export const NO_DIGESTS =
  "No channel here has a daily digest yet. In a channel, /thesis digest on [HH:MM] [time zone] starts one (admins), and /thesis digest status shows it.";
export const DIGESTS_UNREAD =
  "The digest status could not be read just now; /thesis digest status in a channel shows it.";
export const DIGEST_STATUS_HINT =
  "Each channel has its own daily digest: run /thesis digest status in a channel to see it, /thesis digest on to start one.";

export interface HomeViewer {
  user: ChatUser;
  /** The Slack workspace whose digests are listed; without it, only where to look. */
  workspaceId?: string | undefined;
  /** A channel's name as people know it ("#research"); defaults to its id. */
  channelName?: (channelId: string) => Promise<string>;
}

export async function homeReply(
  bot: Bot,
  adapter: ChatAdapter,
  viewer: HomeViewer,
): Promise<Reply> {
  const sectionsOf = async (text: string): Promise<ReplySection[]> => {
    // Opening the Home tab is not asking /thesis anything: it spends none of the rate limit.
    const { reply } = await bot.run(adapter, { user: viewer.user }, { text }, { counted: false });
    return reply.kind === "info" || reply.kind === "answer" ? reply.sections : [];
  };
  const commands = await sectionsOf("help");
  const sources = await sectionsOf("sources");
  return {
    kind: "info",
    title: "thesis-bot",
    summary:
      "Answers questions from its sources with word-for-word quotes, each cited by source and line. Ask with /thesis ask <question>, or mention the bot in a channel.",
    sections: [
      { heading: "Commands", citations: [] },
      ...commands,
      ...(sources.length ? [{ heading: "Sources", citations: [] }, ...sources] : []),
      { heading: "Daily digest", text: await digestText(bot, adapter, viewer), citations: [] },
    ],
    actions: [],
    visibility: "public",
  };
}

/** One line per channel with a digest: when it posts, when next, when it last did. */
async function digestText(bot: Bot, adapter: ChatAdapter, viewer: HomeViewer): Promise<string> {
  const { workspaceId } = viewer;
  if (!bot.digest || !workspaceId || adapter.platform === "console" || adapter.platform === "cli")
    return DIGEST_STATUS_HINT;
  let statuses: SubscribedStatus[];
  try {
    statuses = await bot.digest.statusesIn(adapter.platform, workspaceId);
  } catch {
    // The home still opens when the store is down; only this section says it could not look.
    return DIGESTS_UNREAD;
  }
  if (statuses.length === 0) return NO_DIGESTS;
  const name = viewer.channelName ?? (async (id: string) => id);
  const shown = statuses.slice(0, MAX_HOME_DIGESTS);
  const lines = await Promise.all(
    shown.map(async (status) => {
      const { time, timezone, channel } = status.subscription;
      const last = status.lastPost ? `last posted ${status.lastPost.localDate}` : "not posted yet";
      return `${await name(channel.channelId)}: daily at ${time} ${timezone} · next ${status.nextPostLocal} · ${last}`;
    }),
  );
  const more = statuses.length - shown.length;
  if (more > 0) lines.push(`and ${more} more channel${more === 1 ? "" : "s"}`);
  return [
    `${statuses.length} channel${statuses.length === 1 ? " has" : "s have"} a daily digest:`,
    ...lines,
  ].join("\n");
}
