// A chat platform played in memory for tests of the bot core: it records what the bot posts
// and where, names its admins like Slack does, and answers admin questions from a set. It
// stands for the far side (Slack's or Discord's servers), never for our own code.
import type { Platform } from "../../commands/types.ts";
import type { ChatAdapter, Place, PostRef, Turn } from "../../src/bot/chat-adapter.ts";
import type { Reply } from "../../src/reply/reply.ts";

export interface RecordingChat extends ChatAdapter {
  posts: { place: Place; reply: Reply; key?: string }[];
  passages: { place: Place; reply: Reply }[];
  threads: { on: PostRef; title: string }[];
}

export function recordingChat(
  options: { admins?: readonly string[]; platform?: Platform } = {},
): RecordingChat {
  const admins = new Set(options.admins ?? []);
  let ids = 0;
  const chat: RecordingChat = {
    platform: options.platform ?? "slack",
    adminsAre:
      options.platform === "discord"
        ? "members with the Manage Server permission"
        : "workspace admins",
    posts: [],
    passages: [],
    threads: [],
    async post(place, reply, postOptions) {
      chat.posts.push({ place, reply, ...(postOptions?.key ? { key: postOptions.key } : {}) });
      ids += 1;
      return { channelId: place.channelId, messageId: `m${ids}` };
    },
    async postPassages(place, reply) {
      chat.passages.push({ place, reply });
    },
    async startThread(on, title) {
      chat.threads.push({ on, title });
      return { channelId: on.channelId, threadId: on.messageId };
    },
    async findPost(channelId, key) {
      const found = chat.posts.findIndex((p) => p.place.channelId === channelId && p.key === key);
      return found === -1 ? null : { channelId, messageId: `m${found + 1}` };
    },
    isAdmin: async (user) => admins.has(user.id),
    placeName: (place) => (place.threadId ? "the thread" : "this channel"),
  };
  return chat;
}

/** A turn that keeps what the person who asked was shown. */
export function recordingTurn(
  user: { id: string; name?: string },
  channelId?: string,
): Turn & { replies: Reply[]; sentences: string[] } {
  const replies: Reply[] = [];
  const sentences: string[] = [];
  return {
    platform: "slack",
    user,
    ...(channelId ? { channelId } : {}),
    replies,
    sentences,
    async respond(reply) {
      replies.push(reply);
    },
    async say(sentence) {
      sentences.push(sentence);
    },
  };
}
