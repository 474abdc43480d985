// What the bot said last in a Slack thread, for reading a mention there as a follow-up
// (src/bot/follow-up.ts). The bot's public answers carry their command text in message
// metadata (chat.ts ANSWER_EVENT); conversations.replies returns it with
// include_all_metadata. Bounded: the thread's first THREAD_HISTORY_LIMIT messages, which hold
// the answer a thread grew from (Quote in thread, Share) and the first exchanges after it.
import { THREAD_HISTORY_LIMIT, type ThreadContext } from "../../bot/follow-up.ts";
import { ANSWER_EVENT } from "./chat.ts";
import type { SlackClient } from "./deps.ts";
import { plainFromSlack } from "./incoming-text.ts";

interface ThreadMessage {
  ts?: string;
  text?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The latest answer of the bot's in the thread before `before` (the mention's ts), if any. */
export async function slackThreadContext(
  client: SlackClient,
  channel: string,
  threadTs: string,
  before: string,
): Promise<ThreadContext | undefined> {
  const result = await client.conversations.replies({
    channel,
    ts: threadTs,
    limit: THREAD_HISTORY_LIMIT,
    include_all_metadata: true,
  });
  const messages = ((result.messages ?? []) as ThreadMessage[]).filter(
    (m) => m.ts !== undefined && Number(m.ts) < Number(before),
  );
  let command: string | undefined;
  let lastText: string | undefined;
  for (const message of messages) {
    if (!message.bot_id) continue;
    lastText = plainFromSlack(message.text ?? "");
    const payload = message.metadata?.event_payload;
    if (message.metadata?.event_type === ANSWER_EVENT && typeof payload?.command === "string") {
      command = payload.command;
    }
  }
  if (!command) return undefined;
  return lastText ? { command, lastText } : { command };
}
