// How the daily digest reaches any chat: a short post, then the full quotes behind it in the
// post's thread (or, where the bot may not start threads, as replies to it). The post carries
// its idempotency key (ChatAdapter.post's `key`: Slack message metadata, a Discord footer
// reference), so after a crash the scheduler finds a post that did go out instead of posting
// twice. Every surface draws the same two Replies with its own renderer.
import type { Reply } from "../reply/reply.ts";
import type { ChannelRef } from "../store/types.ts";
import { digestReplies } from "./replies.ts";
import type { DigestPoster } from "./types.ts";

interface Place {
  channelId: string;
  threadId?: string;
  replyTo?: string;
}
interface PostRef {
  channelId: string;
  messageId: string;
  threadId?: string;
}

/**
 * What posting a digest needs from a chat platform: the part of src/bot's ChatAdapter it
 * uses, declared here so the digest does not depend on the bot (which runs the commands that
 * reach the digest). Every ChatAdapter is one.
 */
export interface DigestChat {
  readonly platform: string;
  post(place: Place, reply: Reply, options?: { key?: string }): Promise<PostRef | undefined>;
  startThread(on: PostRef, title: string, options?: { orReply?: boolean }): Promise<Place>;
  findPost(channelId: string, key: string): Promise<PostRef | null>;
}

/** The chat for a channel's workspace, where tokens are per workspace (Slack OAuth). */
export type ChatFor = (channel: ChannelRef) => Promise<DigestChat>;

export function chatPoster(chatOrFor: DigestChat | ChatFor): DigestPoster {
  const chatIn = typeof chatOrFor === "function" ? chatOrFor : async () => chatOrFor;
  return {
    async post(channel, content, key) {
      const chat = await chatIn(channel);
      const { post, thread } = digestReplies(content);
      const posted = await chat.post({ channelId: channel.channelId }, post, { key });
      if (!posted)
        throw new Error(`${chat.platform} accepted the digest but returned no message id.`);
      if (thread) {
        const place = await chat.startThread(posted, thread.title, { orReply: true });
        await chat.post(place, thread);
      }
      return { messageId: posted.messageId };
    },
    async findExisting(channel, key) {
      const chat = await chatIn(channel);
      const found = await chat.findPost(channel.channelId, key);
      return found ? { messageId: found.messageId } : null;
    },
  };
}
