// One short welcome when the bot is added to a channel (Slack) or a server (Discord), and
// never again: the first welcome for a place is claimed atomically in the store
// (setIfAbsent), so replicas sharing Redis agree on who posts it and a restart repeats
// nothing. Without a store (tests, the console) a process-local memory stands in.

import type { Reply } from "../reply/reply.ts";
import type { AtomicStore } from "../store/index.ts";
import type { Bot } from "./bot.ts";
import type { ChatAdapter, Place } from "./chat-adapter.ts";

/** Remembers which places were welcomed. */
export interface WelcomeMemory {
  /** True exactly once per key, the first time it is asked; false ever after. */
  claim(key: string): Promise<boolean>;
}

/** The store's keys expire; ten years is "never" for a welcome. */
const REMEMBER_MS = 10 * 365 * 24 * 60 * 60 * 1000;

export function welcomesIn(atomic: Pick<AtomicStore, "setIfAbsent">): WelcomeMemory {
  return { claim: (key) => atomic.setIfAbsent(`welcome:${key}`, "1", REMEMBER_MS) };
}

/** For a bot without a store: remembers for the life of the process. */
export function welcomesInMemory(): WelcomeMemory {
  const seen = new Set<string>();
  return {
    async claim(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}

/** What the bot does and how to ask, in a few lines. */
export function welcomeReply(): Reply {
  return {
    kind: "info",
    title: "Hello, I'm thesis-bot",
    summary:
      "I answer questions from this workspace's sources with word-for-word quotes, each cited by source and line.",
    sections: [
      {
        text: "Ask with /thesis ask <question>, or mention me with your question. In a thread where I answered, mention me again to follow up (for example “and what about Qwen?”). /thesis help lists every command.",
        citations: [],
      },
    ],
    actions: [],
    visibility: "public",
  };
}

/**
 * Posts the welcome at `place` unless `scope` (platform and channel or guild, e.g.
 * "slack:T1:C1") was welcomed before. True when it posted.
 */
export async function welcomeOnce(
  bot: Bot,
  adapter: ChatAdapter,
  place: Place,
  scope: string,
): Promise<boolean> {
  if (!(await bot.welcomes.claim(`${adapter.platform}:${scope}`))) return false;
  await adapter.post(place, welcomeReply());
  return true;
}
