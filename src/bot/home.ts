// A home page for the bot (Slack's App Home tab): what it does, its commands, the sources it
// reads with their dates, and where the digest status is. Built from the help and sources
// subcommands themselves, so it always matches what /thesis answers.
import type { Reply, ReplySection } from "../reply/reply.ts";
import type { Bot } from "./bot.ts";
import type { ChatAdapter, ChatUser } from "./chat-adapter.ts";

export const DIGEST_STATUS_HINT =
  "Each channel has its own daily digest: run /thesis digest status in a channel to see it, /thesis digest on to start one.";

export async function homeReply(bot: Bot, adapter: ChatAdapter, user: ChatUser): Promise<Reply> {
  const sectionsOf = async (text: string): Promise<ReplySection[]> => {
    const { reply } = await bot.run(adapter, { user }, { text });
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
      { heading: "Daily digest", text: DIGEST_STATUS_HINT, citations: [] },
    ],
    actions: [],
    visibility: "public",
  };
}
