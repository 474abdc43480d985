// The two ways Slack lets the bot answer a person (src/bot/chat-adapter.ts Turn):
// an interaction's response_url, which only they see unless the reply is public, and, for a
// mention, the thread where they asked.
import type { RespondFn } from "@slack/bolt";
import {
  type ChatAdapter,
  type ChatUser,
  type PostRef,
  publicTurn,
  type Turn,
} from "../../bot/chat-adapter.ts";
import type { SlackClient } from "./deps.ts";
import { respondAll, respondSentence } from "./post.ts";
import { renderSlack } from "./render.ts";

/** A slash command, button or shortcut: answered through its response_url. */
export function interactionTurn(
  respond: RespondFn,
  user: ChatUser,
  channelId: string | undefined,
  workspaceId: string | undefined,
  message?: PostRef & { public: boolean },
): Turn {
  return {
    platform: "slack",
    user,
    ...(channelId ? { channelId } : {}),
    ...(workspaceId ? { workspaceId } : {}),
    ...(message ? { message } : {}),
    respond: (reply, options) =>
      respondAll(respond, renderSlack(reply), {
        visibility: reply.visibility,
        replaceOriginal: options?.replace === true,
      }),
    say: (sentence) => respondSentence(respond, sentence),
    progress: (note) => respondSentence(respond, note),
  };
}

/** A mention: answered publicly in the thread of the message that asked. */
export function threadTurn(
  chat: ChatAdapter,
  client: SlackClient,
  user: ChatUser,
  asked: PostRef,
  workspaceId: string | undefined,
): Turn {
  const thread = { channelId: asked.channelId, threadId: asked.threadId ?? asked.messageId };
  const turn = publicTurn(chat, user, asked, thread, (sentence) =>
    client.chat.postMessage({
      channel: thread.channelId,
      thread_ts: thread.threadId,
      text: sentence,
    }),
  );
  return workspaceId ? { ...turn, workspaceId } : turn;
}
