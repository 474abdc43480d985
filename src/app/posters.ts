// How the daily digest reaches each surface: a short post, then the full quotes behind it in
// the post's thread, each drawn by that surface's own renderer. Every post carries its
// idempotency key where the platform keeps it (Slack: message metadata; Discord: a reference
// in the embed footer), so after a crash the scheduler can find a post that did go out
// instead of posting twice.
import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import { DiscordAPIError, type REST, Routes } from "discord.js";
import type { ConsoleAdapter } from "../adapters/console/index.ts";
import { isPermissionError, postMessages, startThread } from "../adapters/discord/send.ts";
import { postPublic } from "../adapters/slack/post.ts";
import { type DigestPoster, digestReplies } from "../digest/index.ts";
import { renderConsole } from "../reply/render-console.ts";
import { renderDiscord } from "../reply/render-discord.ts";
import { renderSlack } from "../reply/render-slack.ts";
import type { Reply } from "../reply/reply.ts";

const DIGEST_EVENT = "thesis_digest";
/** How far back findExisting looks; a digest is one post a day, so this spans weeks. */
const RECENT_MESSAGES = 50;
/** Discord: "Cannot execute action on this channel type" (e.g. the channel is itself a thread). */
const CANNOT_EXECUTE_ON_CHANNEL_TYPE = 50024;

export function consolePoster(console: ConsoleAdapter): DigestPoster {
  return {
    async post(_channel, content, key) {
      const { post, thread } = digestReplies(content);
      console.print(renderConsole(post));
      if (thread) console.print(renderConsole(thread));
      return { messageId: key };
    },
  };
}

export function slackPoster(app: App): DigestPoster {
  return {
    async post(channel, content, key) {
      const { post, thread } = digestReplies(content);
      let first: string | undefined;
      for (const message of renderSlack(post)) {
        const result = await app.client.chat.postMessage({
          channel: channel.channelId,
          text: message.text,
          blocks: message.blocks as never,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: DIGEST_EVENT, event_payload: { key } },
        });
        first ??= result.ts;
      }
      if (!first) throw new Error("Slack accepted the digest but returned no message timestamp.");
      if (thread) await postPublic(app.client, channel.channelId, renderSlack(thread), first);
      return { messageId: first };
    },
    async findExisting(channel, key) {
      const history = await app.client.conversations.history({
        channel: channel.channelId,
        limit: RECENT_MESSAGES,
        include_all_metadata: true,
      });
      const found = history.messages?.find(
        (m) => (m.metadata?.event_payload as { key?: unknown } | undefined)?.key === key,
      );
      return found?.ts ? { messageId: found.ts } : null;
    },
  };
}

/**
 * The marker a Discord digest carries in its embed footer, e.g. "digest ref 3f9a0c12d4".
 * Why the footer: Discord keeps it with the message and returns it when reading the channel's
 * history, while a nonce is neither stored nor long enough for the key (25 characters), and
 * content would show the marker more loudly. A hash keeps it short; the channel is implied.
 */
export function discordDigestRef(idempotencyKey: string): string {
  return `digest ref ${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 10)}`;
}

interface HistoryMessage {
  id: string;
  author?: { bot?: boolean };
  embeds?: { footer?: { text?: string } }[];
}

/**
 * The quotes go in a thread started on the digest, which keeps the channel to one message a
 * day. Where the bot may not start threads (missing Create Public Threads, or a channel type
 * without threads) they are posted as replies referencing the digest instead, so the quotes
 * still sit next to the message they back.
 */
async function postDiscordQuotes(rest: REST, channelId: string, messageId: string, thread: Reply) {
  const payloads = renderDiscord(thread, { forcePublic: true });
  let threadId: string | undefined;
  try {
    threadId = await startThread(rest, channelId, messageId, thread.title);
  } catch (error) {
    const cannotThread =
      isPermissionError(error) ||
      (error instanceof DiscordAPIError && error.code === CANNOT_EXECUTE_ON_CHANNEL_TYPE);
    if (!cannotThread) throw error;
  }
  if (threadId) await postMessages(rest, threadId, payloads);
  else await postMessages(rest, channelId, payloads, messageId);
}

export function discordPoster(rest: REST): DigestPoster {
  return {
    async post(channel, content, key) {
      const { post, thread } = digestReplies(content);
      const marked = { ...post, footer: `${post.footer ?? ""} · ${discordDigestRef(key)}` };
      const payloads = renderDiscord(marked, { forcePublic: true });
      const id = await postMessages(rest, channel.channelId, payloads);
      if (!id) throw new Error("Discord accepted the digest but returned no message id.");
      if (thread) await postDiscordQuotes(rest, channel.channelId, id, thread);
      return { messageId: id };
    },
    async findExisting(channel, key) {
      const ref = discordDigestRef(key);
      const messages = (await rest.get(Routes.channelMessages(channel.channelId), {
        query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }),
      })) as HistoryMessage[];
      const found = messages.find(
        (m) => m.author?.bot && m.embeds?.some((e) => e.footer?.text?.includes(ref)),
      );
      return found ? { messageId: found.id } : null;
    },
  };
}
