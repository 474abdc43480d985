// Slack as a ChatAdapter (src/bot/chat-adapter.ts): public posts through chat.postMessage,
// a thread is a parent message's ts, the digest's idempotency key rides in message metadata
// (kept by Slack and returned by conversations.history), and admins are ADMIN_USERS plus
// the workspace's admins and owners. One ChatAdapter speaks for one workspace: `client`
// carries that workspace's bot token (clients.ts).
import type { ChatAdapter, PostRef } from "../../bot/chat-adapter.ts";
import type { SlackClient } from "./deps.ts";
import { postPublic } from "./post.ts";
import { renderCitationSlack, renderSlack } from "./render.ts";
import type { AdminCheck } from "./workspace-admins.ts";

/** Marks a post that carries an idempotency key (the digest). */
const KEYED_EVENT = "thesis_digest";
/** Marks a public answer that carries its command text (read back by thread-context.ts). */
export const ANSWER_EVENT = "thesis_answer";
/** How far back findPost looks; a digest is one post a day, so this spans weeks. */
const RECENT_MESSAGES = 50;

export function createSlackChat(client: SlackClient, isAdmin: AdminCheck): ChatAdapter {
  return {
    platform: "slack",
    adminsAre: "workspace admins",
    async post(place, reply, options) {
      const metadata: { event_type: string; event_payload: Record<string, string> } | undefined =
        options?.key
          ? { event_type: KEYED_EVENT, event_payload: { key: options.key } }
          : options?.commandText
            ? { event_type: ANSWER_EVENT, event_payload: { command: options.commandText } }
            : undefined;
      const ts = await postPublic(
        client,
        place.channelId,
        renderSlack(reply),
        place.threadId,
        metadata,
      );
      return ts ? ref(place.channelId, ts, place.threadId) : undefined;
    },
    async postPassages(place, reply) {
      for (const citation of reply.sections.flatMap((section) => section.citations)) {
        await postPublic(client, place.channelId, renderCitationSlack(citation), place.threadId);
      }
    },
    // A Slack thread needs no call: replies name their parent's ts.
    async startThread(on) {
      return { channelId: on.channelId, threadId: on.threadId ?? on.messageId };
    },
    async findPost(channelId, key) {
      const history = await client.conversations.history({
        channel: channelId,
        limit: RECENT_MESSAGES,
        include_all_metadata: true,
      });
      const found = history.messages?.find(
        (m) => (m.metadata?.event_payload as { key?: unknown } | undefined)?.key === key,
      );
      return found?.ts ? { channelId, messageId: found.ts } : null;
    },
    isAdmin: (user) => isAdmin(client, user.id),
    placeName: (place) => (place.threadId ? "the thread" : "this channel"),
  };
}

function ref(channelId: string, messageId: string, threadId?: string): PostRef {
  return threadId ? { channelId, messageId, threadId } : { channelId, messageId };
}
