// "Paste instead of a link", for paywalled pieces: `/thesis sources paste` opens a form
// (a Slack modal, a Discord modal) with title, URL and text, and its submission adds the
// text as a source. The forms are the adapters' (src/adapters/*/paste.ts); who may open and
// submit them, and what the submission does, is decided here once for both.
import { addPasted, type PastedFields } from "../../commands/sources.ts";
import type { Reply } from "../reply/reply.ts";
import type { Bot, Invocation } from "./bot.ts";
import type { ChatAdapter, ChatUser, Turn } from "./chat-adapter.ts";
import { checkPreconditions } from "./preconditions.ts";

export { PASTE_LIMITS, type PastedFields } from "../../commands/sources.ts";

/** The form's id on both platforms (Slack's callback_id, Discord's custom_id). */
export const PASTE_FORM_ID = "sources_paste";
export const PASTE_FORM_TITLE = "Paste an article";

/** The form's inputs, in order: ids the submissions are read by, and what the user sees. */
export const PASTE_INPUTS = [
  { id: "title", label: "Title", placeholder: "The article's headline", multiline: false },
  { id: "url", label: "URL (optional)", placeholder: "https://…", multiline: false },
  { id: "text", label: "Text", placeholder: "The article's text", multiline: true },
] as const;

/** True for `sources paste` (typed, or Discord's structured options). */
export function asksForPasteForm(invocation: Invocation): boolean {
  if ("text" in invocation) return /^\s*sources\s+paste\s*$/i.test(invocation.text);
  return invocation.name === "sources" && invocation.options.action === "paste";
}

/**
 * Null when `user` may paste a source, else the refusal the sources command gives ("Only
 * workspace admins can add, refresh or remove sources."): its declared admin precondition.
 */
export async function pasteRefusal(
  bot: Bot,
  adapter: ChatAdapter,
  user: ChatUser,
): Promise<Reply | null> {
  const def = bot.commands.find((d) => d.name === "sources");
  if (!def) return null;
  return checkPreconditions(def, { action: "paste" }, { adapter, user }, {});
}

/**
 * A submitted form: checked again (a form stays open while roles change), added with
 * "Indexing…" shown, and answered like `sources add`.
 */
export async function addPastedSource(
  bot: Bot,
  adapter: ChatAdapter,
  turn: Turn,
  fields: PastedFields,
): Promise<void> {
  const refused = await pasteRefusal(bot, adapter, turn.user);
  if (refused) return turn.respond(refused);
  const progress = turn.progress?.bind(turn);
  const reply = await addPasted(bot.sources, fields, {
    addedBy: turn.user.id,
    ...(progress ? { progress } : {}),
  });
  await turn.respond(reply);
}
