// What the bot said last where a Discord mention follows up on it (src/bot/follow-up.ts):
// the bot's message the mention replies to, or, in a thread, the thread's recent messages and
// the message it was started on (a thread's id is its starter message's id). The bot's
// public answers carry "/thesis <command>" in their footer (chat.ts). Bounded: one message,
// or THREAD_HISTORY_LIMIT of the thread's plus its starter.

import type { Message } from "discord.js";
import { type REST, Routes } from "discord.js";
import {
  commandFromMarker,
  THREAD_HISTORY_LIMIT,
  type ThreadContext,
} from "../../bot/follow-up.ts";

interface ApiMessage {
  author?: { id?: string };
  content?: string;
  embeds?: { title?: string; description?: string; footer?: { text?: string } }[];
}

export async function discordThreadContext(
  rest: REST,
  message: Message,
): Promise<ThreadContext | undefined> {
  const botId = message.client.user?.id;
  if (!botId) return undefined;
  const read = (channelId: string, messageId: string) =>
    rest.get(Routes.channelMessage(channelId, messageId)) as Promise<ApiMessage>;
  let newestFirst: ApiMessage[] = [];
  const reference = message.reference?.messageId;
  if (reference) {
    newestFirst = [await read(message.reference?.channelId ?? message.channelId, reference)];
  } else if (message.channel.isThread()) {
    const recent = (await rest.get(Routes.channelMessages(message.channelId), {
      query: new URLSearchParams({ limit: String(THREAD_HISTORY_LIMIT), before: message.id }),
    })) as ApiMessage[];
    const parentId = message.channel.parentId;
    // A thread started elsewhere (not on a message) has no starter: its history is enough.
    const starter = parentId
      ? await read(parentId, message.channelId).catch(() => undefined)
      : undefined;
    newestFirst = starter ? [...recent, starter] : recent;
  }
  const own = newestFirst.filter((m) => m.author?.id === botId);
  const command = own
    .map((m) => commandFromMarker(m.embeds?.map((e) => e.footer?.text ?? "").join(" · ")))
    .find(Boolean);
  if (!command) return undefined;
  const lastText = own[0] ? textOf(own[0]) : "";
  return lastText ? { command, lastText } : { command };
}

/** A message's words as a reader sees them, without Markdown's quote and emphasis marks. */
function textOf(message: ApiMessage): string {
  const parts = [
    message.content,
    ...(message.embeds ?? []).flatMap((e) => [e.title, e.description]),
  ];
  return parts
    .filter(Boolean)
    .join(" ")
    .replace(/^>\s?/gm, "")
    .replace(/[*_`~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
