// What the bot said last in a Slack thread, for reading a mention there as a follow-up
// (src/bot/follow-up.ts). The bot's public answers carry their command text in message
// metadata (chat.ts ANSWER_EVENT); conversations.replies returns it with
// include_all_metadata. conversations.replies lists a thread oldest first, so a long
// thread's latest answer is on its last page: the thread is read up to the mention (`latest`)
// page by page with the cursor, keeping only the parent (the answer a thread grew from: Quote
// in thread, Share) and the last THREAD_HISTORY_LIMIT messages before the mention.
import { THREAD_HISTORY_LIMIT, type ThreadContext } from "../../bot/follow-up.ts";
import { ANSWER_EVENT } from "./chat.ts";
import type { SlackClient } from "./deps.ts";
import { plainFromSlack } from "./incoming-text.ts";

/** Messages asked for per conversations.replies page. Defaults to 200 (Slack's advice). */
export const THREAD_PAGE_SIZE = 200;
/**
 * Pages read at most, so a huge thread costs a bounded number of calls: threads up to 1,000
 * messages are read to the mention; beyond that the bot uses what it read. Defaults to 5.
 */
export const MAX_THREAD_PAGES = 5;

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
  const messages = await messagesBefore(client, channel, threadTs, before);
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

/** The thread's parent and its last THREAD_HISTORY_LIMIT messages before `before`, oldest first. */
async function messagesBefore(
  client: SlackClient,
  channel: string,
  threadTs: string,
  before: string,
): Promise<ThreadMessage[]> {
  let parent: ThreadMessage | undefined;
  const tail: ThreadMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_THREAD_PAGES; page++) {
    const result = await client.conversations.replies({
      channel,
      ts: threadTs,
      latest: before,
      inclusive: false,
      limit: THREAD_PAGE_SIZE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of (result.messages ?? []) as ThreadMessage[]) {
      // `latest` already ends the thread at the mention; the check keeps that true even if a
      // server ignores it. The parent may come again on every page: it is kept once.
      if (!message.ts || Number(message.ts) >= Number(before)) continue;
      if (message.ts === threadTs) parent ??= message;
      else {
        tail.push(message);
        if (tail.length > THREAD_HISTORY_LIMIT) tail.shift();
      }
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) break;
  }
  return parent ? [parent, ...tail] : tail;
}
