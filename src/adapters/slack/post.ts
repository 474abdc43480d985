// Posting rendered messages. Public posts go through the Web API (chat.postMessage);
// private ones through the interaction's response_url (respond), which Slack shows only to
// the person who asked. Link unfurling is off: a quoted URL should not grow a preview card.
import type { RespondFn } from "@slack/bolt";
import type { SlackClient } from "./deps.ts";
import type { SlackMessage } from "./render.ts";

/** Posts messages in order; returns the ts of the first (the thread parent when new). */
export async function postPublic(
  client: SlackClient,
  channel: string,
  messages: SlackMessage[],
  threadTs?: string,
  metadata?: { event_type: string; event_payload: Record<string, string> },
): Promise<string | undefined> {
  let firstTs: string | undefined;
  for (const message of messages) {
    const result = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks as never,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
      ...(metadata ? { metadata } : {}),
    });
    firstTs ??= result.ts;
  }
  return firstTs;
}

export async function respondAll(
  respond: RespondFn,
  messages: SlackMessage[],
  options: { visibility: "private" | "public"; replaceOriginal?: boolean },
): Promise<void> {
  for (const [index, message] of messages.entries()) {
    await drained(respond, {
      response_type: options.visibility === "public" ? "in_channel" : "ephemeral",
      // Only the first message may replace the one clicked; the rest follow it.
      replace_original: index === 0 && options.replaceOriginal === true,
      text: message.text,
      blocks: message.blocks as never,
    });
  }
}

export async function respondSentence(respond: RespondFn, sentence: string): Promise<void> {
  await drained(respond, { response_type: "ephemeral", replace_original: false, text: sentence });
}

/**
 * respond() resolves with fetch's Response and leaves its body unread, and an unread body
 * holds its keep-alive connection: every answer would then open a new socket. Reading the
 * (tiny) body frees it for the next answer.
 */
async function drained(respond: RespondFn, message: Parameters<RespondFn>[0]): Promise<void> {
  const response = (await respond(message)) as { arrayBuffer?: () => Promise<unknown> } | undefined;
  await response?.arrayBuffer?.().catch(() => {});
}
