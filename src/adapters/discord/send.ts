// Posting to channels and threads through discord.js's REST client (so its rate-limit
// queue handles 429s), and turning permission failures into sentences a user can act on.
import { DiscordAPIError, type REST, Routes } from "discord.js";
import type { DiscordMessagePayload } from "./render.ts";

/** Discord's JSON error codes for "the bot may not do that here". */
export const MISSING_ACCESS = 50001;
export const MISSING_PERMISSIONS = 50013;
/** "Cannot execute action on this channel type" (a thread on a message inside a thread). */
export const CANNOT_EXECUTE_ON_CHANNEL_TYPE = 50024;

export function isPermissionError(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === MISSING_ACCESS || error.code === MISSING_PERMISSIONS)
  );
}

/** The bot may not start a thread on that message: no permission, or not in this channel. */
export function isThreadRefusal(error: unknown): boolean {
  return (
    isPermissionError(error) ||
    (error instanceof DiscordAPIError && error.code === CANNOT_EXECUTE_ON_CHANNEL_TYPE)
  );
}

/** A plain explanation of what the bot could not do, for an ephemeral reply. */
export function permissionExplanation(doing: "send" | "thread"): string {
  return doing === "thread"
    ? "I can't start a thread here: I need the Create Public Threads and Send Messages in Threads permissions in this channel. Ask a server admin to grant them, or use Share to channel instead."
    : "I can't post in this channel: I need the View Channel, Send Messages and Embed Links permissions here. Ask a server admin to grant them.";
}

/** The body Discord expects for a channel message (never a @everyone ping). */
function messageBody(payload: DiscordMessagePayload, replyTo?: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    embeds: payload.embeds,
    components: payload.components,
    allowed_mentions: { parse: [] },
  };
  if (payload.content) body.content = payload.content;
  if (replyTo) body.message_reference = { message_id: replyTo, fail_if_not_exists: false };
  return body;
}

/** Posts messages in order; returns the id of the first one. */
export async function postMessages(
  rest: REST,
  channelId: string,
  payloads: readonly DiscordMessagePayload[],
  replyTo?: string,
): Promise<string | undefined> {
  let firstId: string | undefined;
  for (const [index, payload] of payloads.entries()) {
    const body = messageBody(payload, index === 0 ? replyTo : undefined);
    const message = (await rest.post(Routes.channelMessages(channelId), { body })) as {
      id: string;
    };
    firstId ??= message.id;
  }
  return firstId;
}

/** Starts a public thread on a message; returns the thread's channel id. */
export async function startThread(
  rest: REST,
  channelId: string,
  messageId: string,
  name: string,
): Promise<string> {
  const cleanName = name.replace(/\s+/g, " ").trim().slice(0, 100) || "Sources";
  const thread = (await rest.post(Routes.threads(channelId, messageId), {
    body: { name: cleanName, auto_archive_duration: 1440 },
  })) as { id: string };
  return thread.id;
}
