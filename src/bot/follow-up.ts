// A mention in a thread where the bot already answered is read with that answer's command.
// The adapters find the command the bot's own posts carry (Slack: message metadata; Discord:
// the "/thesis …" marker in the embed footer) among a bounded slice of the thread, and this
// module decides what the new message means:
//   - it names a topic in a few words ("and what about Qwen?" after `risks TAO`), and the
//     previous subcommand takes a topic → the same subcommand about that topic (`risks Qwen`);
//   - otherwise ("why?", "is that still true?", a question after `ask …`) → `ask` with the
//     new message plus the words of the bot's latest message there (the passage or answer it
//     follows) or, without one, the previous command's words: the passages that bear on it.
// No phrase lists: "a few words" is the message's content words after English stopwords and
// chat question words (src/search/stopwords.ts) are removed.
import { parseCommandText } from "../../commands/dispatch.ts";
import type { SubcommandDefinition } from "../../commands/types.ts";
import { QUESTION_WORDS, STOPWORDS } from "../search/stopwords.ts";
import { askAbout, commandTextOf } from "./command-text.ts";

/**
 * How many of a thread's messages the adapters read to find the bot's latest answer.
 * Defaults to 20: a thread's answer is near its start (Quote in thread) or near the mention.
 */
export const THREAD_HISTORY_LIMIT = 20;

/** A follow-up naming a topic is a word or a short phrase. Defaults to 4 content words. */
export const MAX_TOPIC_WORDS = 4;

/** The words the bot's latest message lends a context-free follow-up. Defaults to 40. */
const MAX_CONTEXT_WORDS = 40;

/** What the bot said last in a thread, as its own posts record it. */
export interface ThreadContext {
  /** The /thesis command text behind the bot's latest answer in the thread ("risks TAO"). */
  command: string;
  /** The text of the bot's latest message there (a passage, or the answer's lead). */
  lastText?: string;
}

/** The marker a Discord post carries in its footer; Slack keeps the command in metadata. */
export function commandMarker(commandText: string): string {
  return `/thesis ${commandText}`;
}

/** The command text in a footer carrying commandMarker(), if any ("… · /thesis risks TAO"). */
export function commandFromMarker(footer: string | undefined): string | undefined {
  const match = /(?:^| · )\/thesis (.+?)(?: · |$)/.exec(footer ?? "");
  return match?.[1]?.trim() || undefined;
}

/**
 * The command texts a follow-up `message` may mean after the bot answered `context.command`,
 * most specific first: the same subcommand about a named topic, then `ask` in context. The
 * caller runs the first that is not refused (an unknown topic falls through to `ask`).
 */
export function followUpTexts(
  context: ThreadContext,
  message: string,
  commands: readonly SubcommandDefinition[],
): string[] {
  const about = context.lastText ?? commandWords(context.command);
  const lent = about.split(/\s+/).filter(Boolean).slice(0, MAX_CONTEXT_WORDS).join(" ");
  const inContext = askAbout(`${message.trim()} ${lent}`);
  const topical = sameCommandAbout(context.command, contentWords(message), commands);
  return topical ? [topical, inContext] : [inContext];
}

/** `risks TAO` + ["Qwen"] → `risks Qwen`, when the subcommand's last option is a topic. */
function sameCommandAbout(
  command: string,
  words: string[],
  commands: readonly SubcommandDefinition[],
): string | undefined {
  if (words.length === 0 || words.length > MAX_TOPIC_WORDS) return undefined;
  const previous = parseCommandText(command, commands);
  if (!previous.ok) return undefined;
  const def = commands.find((d) => d.name === previous.name);
  const rest = def?.rest;
  if (!def || !rest) return undefined;
  const meta = (def.optionMeta as Record<string, { autocomplete?: string } | undefined>)[rest];
  if (meta?.autocomplete !== "topic") return undefined;
  return commandTextOf(commands, def.name, { ...previous.raw, [rest]: words.join(" ") });
}

/** The message's words that carry meaning: not stopwords, not "what about"-style chat words. */
export function contentWords(message: string): string[] {
  const tokens = message.match(/[\p{L}\p{N}$][\p{L}\p{N}$.'’-]*/gu) ?? [];
  return tokens
    .map((token) => token.replace(/[.'’-]+$/, ""))
    .filter((token) => {
      const plain = token.toLowerCase().replace(/['’]/g, "");
      return plain !== "" && !STOPWORDS.has(plain) && !QUESTION_WORDS.has(plain);
    });
}

/** "risks TAO" → "risks TAO"; "ask why does distribution win" → the question alone. */
function commandWords(command: string): string {
  return command.replace(/^ask\s+/i, "");
}
