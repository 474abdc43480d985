// Discord as a ChatAdapter (src/bot/chat-adapter.ts), over discord.js's REST client (its
// queue handles 429s): public posts with buttons that re-run their command text, threads
// started on a message (a thread is a channel of its own), a digest's idempotency key as a
// reference in the embed footer, and admins are ADMIN_USERS plus members with Manage Server.
import { createHash } from "node:crypto";
import { type REST, Routes } from "discord.js";
import type { ChatAdapter, ChatUser } from "../../bot/chat-adapter.ts";
import { commandMarker } from "../../bot/follow-up.ts";
import { type CommandTextStore, customIdsIn } from "./custom-id.ts";
import {
  DISCORD_LIMITS,
  type DiscordMessagePayload,
  renderDiscord,
  renderPassages,
} from "./render.ts";
import { isThreadRefusal, postMessages, startThread } from "./send.ts";

/** How far back findPost looks; a digest is one post a day, so this spans weeks. */
const RECENT_MESSAGES = 50;

/**
 * The marker a keyed post (the digest) carries in its embed footer, e.g. "digest ref
 * 3f9a0c12d4". Why the footer: Discord keeps it with the message and returns it when reading
 * the channel's history, while a nonce is neither stored nor long enough for the key, and
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

export function createDiscordChat(options: {
  rest: REST;
  /** Shared with the interaction turns, which decode the buttons posted here. */
  store: CommandTextStore;
  /** ADMIN_USERS: user ids that may change settings besides members with Manage Server. */
  admins: ReadonlySet<string>;
}): ChatAdapter {
  const { rest, store, admins } = options;
  const customId = customIdsIn(store);
  return {
    platform: "discord",
    adminsAre: "members with the Manage Server permission",
    async post(place, reply, postOptions) {
      const key = postOptions?.key;
      const marked = key
        ? { ...reply, footer: [reply.footer, discordDigestRef(key)].filter(Boolean).join(" · ") }
        : reply;
      const rendered = renderDiscord(marked, { forcePublic: true, customId });
      await store.saved();
      const payloads = postOptions?.commandText
        ? withCommandMarker(rendered, postOptions.commandText)
        : rendered;
      const id = await postMessages(rest, place.channelId, payloads, place.replyTo);
      return id ? { channelId: place.channelId, messageId: id } : undefined;
    },
    async postPassages(place, reply) {
      await postMessages(rest, place.channelId, renderPassages(reply), place.replyTo);
    },
    // Where the bot may not start threads (no Create Public Threads, or a message already in
    // a thread), `orReply` posts replies referencing the message instead, so what follows
    // still sits next to the message it backs.
    async startThread(on, title, threadOptions) {
      try {
        return { channelId: await startThread(rest, on.channelId, on.messageId, title) };
      } catch (error) {
        if (!threadOptions?.orReply || !isThreadRefusal(error)) throw error;
        return { channelId: on.channelId, replyTo: on.messageId };
      }
    },
    async findPost(channelId, key) {
      const ref = discordDigestRef(key);
      const messages = (await rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }),
      })) as HistoryMessage[];
      const found = messages.find(
        (m) => m.author?.bot && m.embeds?.some((e) => e.footer?.text?.includes(ref)),
      );
      return found ? { channelId, messageId: found.id } : null;
    },
    isAdmin: async (user: ChatUser) => admins.has(user.id) || user.canManage === true,
    placeName: (place) => `<#${place.channelId}>`,
  };
}

/**
 * Puts "/thesis <command>" in the footer of the first message's last embed: the message a
 * thread is started on, or the one a reply points at, says which command it answers, so a
 * follow-up there is read with it (thread-context.ts). Visible, and true: it is the command
 * that reproduces the answer.
 */
function withCommandMarker(
  payloads: DiscordMessagePayload[],
  commandText: string,
): DiscordMessagePayload[] {
  const [first, ...rest] = payloads;
  const last = first?.embeds[first.embeds.length - 1];
  if (!first || !last) return payloads;
  const text = [last.footer?.text, commandMarker(commandText)].filter(Boolean).join(" · ");
  // A command too long for the footer goes unmarked: a follow-up then reads as a new question.
  if (text.length > DISCORD_LIMITS.footer) return payloads;
  const embeds = [...first.embeds.slice(0, -1), { ...last, footer: { text } }];
  return [{ ...first, embeds }, ...rest];
}
