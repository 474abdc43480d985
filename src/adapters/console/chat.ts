// The local console as a ChatAdapter: one channel (the terminal), whoever runs it is the
// admin, and a post is printed. Threads are printed in place; nothing is kept to be found
// again, so a digest that went out before a restart is simply not found (and posted anew).
import type { ChatAdapter } from "../../bot/chat-adapter.ts";
import { renderCitation, renderConsole } from "./render.ts";

export const CONSOLE_CHANNEL_ID = "console";

/** `platform` is "cli" for the command line, which runs the same way but is never rate-limited. */
export function createConsoleChat(
  print: (text: string) => void,
  platform: "console" | "cli" = "console",
): ChatAdapter {
  let posted = 0;
  return {
    platform,
    adminsAre: "admins",
    async post(place, reply) {
      print(renderConsole(reply));
      posted += 1;
      return { channelId: place.channelId, messageId: `console-${posted}` };
    },
    async postPassages(_place, reply) {
      for (const citation of reply.sections.flatMap((section) => section.citations)) {
        print(`${renderCitation(citation)}\n`);
      }
    },
    async startThread(on) {
      return { channelId: on.channelId, threadId: on.messageId };
    },
    findPost: async () => null,
    // Whoever runs the bot in a terminal owns it, so they may change settings.
    isAdmin: async () => true,
    placeName: () => "the console",
  };
}
