// What every surface does with a command, a button, a mention and "Find sources", written
// once against ChatAdapter and Turn. Buttons carry the command text behind the answer
// (src/reply/reply.ts ReplyAction), so a click re-runs it instead of looking up state:
//   share          -> the same answer, posted publicly in the channel
//   thread         -> the answer public (the clicked message when it already is), then each
//                     passage as a message in a thread on it
//   next/prev/page -> the same answer at another page, replacing the clicked message
//   vote-up/down   -> the voter's 👍 / 👎 on that answer recorded, thanked privately
//   anything else  -> (Show the bear case, …) the new answer, privately
import type { Bot, Invocation } from "./bot.ts";
import type { ChatAdapter, Place, PostRef, Turn } from "./chat-adapter.ts";
import { askAbout } from "./command-text.ts";
import { followUpTexts, type ThreadContext } from "./follow-up.ts";
import { asPublic, citationCount, leadOnly } from "./public-replies.ts";
import { voteOf } from "./votes.ts";

export const EXPIRED_BUTTON =
  "This button has expired. Run the /thesis command again for a fresh answer.";
export const NO_TEXT = "That message has no text to find sources for.";

/** Buttons that show another page of the same answer in place (Discord defers them as updates). */
export const PAGING: ReadonlySet<string> = new Set(["next", "prev", "page"]);

/** A slash command (or a typed console line): the answer, to whoever asked. */
export async function answerCommand(
  bot: Bot,
  adapter: ChatAdapter,
  turn: Turn,
  invocation: Invocation,
): Promise<void> {
  const { reply, commandText } = await bot.run(adapter, turn, invocation);
  await turn.respond(reply, { commandText });
}

export interface ButtonPress {
  actionId: string;
  /** The command text the button re-runs; undefined once a stored one has expired. */
  commandText: string | undefined;
  page?: number;
}

export async function pressButton(
  bot: Bot,
  adapter: ChatAdapter,
  turn: Turn,
  press: ButtonPress,
): Promise<void> {
  if (press.commandText === undefined) return turn.say(EXPIRED_BUTTON);
  const vote = voteOf(press.actionId);
  if (vote) return turn.say(await bot.vote(adapter, turn, press.commandText, vote));
  const { reply, commandText } = await bot.run(adapter, turn, { text: press.commandText });
  const failed = reply.kind === "error" || reply.kind === "usage";
  const channelId = turn.channelId;
  if (failed || !channelId) return turn.respond(reply, { commandText });
  if (press.actionId === "share") {
    await adapter.post({ channelId }, asPublic(reply, ["share"]), { commandText });
    return turn.say(`Shared in ${adapter.placeName({ channelId })}.`);
  }
  if (press.actionId === "thread") {
    const anchor = turn.message?.public
      ? turn.message
      : await adapter.post({ channelId }, asPublic(reply), { commandText });
    if (!anchor) return;
    const thread = await adapter.startThread(anchor, reply.title);
    await adapter.postPassages(thread, reply);
    return turn.say(`Quoted the passages in ${adapter.placeName(thread)}.`);
  }
  if (PAGING.has(press.actionId)) {
    return turn.respond(reply, { replace: true, commandText, page: press.page ?? 0 });
  }
  await turn.respond(reply, { commandText });
}

/**
 * "Find sources" on a message: the passages that bear on it, in a thread on that message
 * (its lead, then one message per passage); when nothing answers, privately.
 */
export async function findSources(
  bot: Bot,
  adapter: ChatAdapter,
  turn: Turn,
  target: PostRef,
  text: string,
): Promise<void> {
  const question = text.trim();
  if (question === "") return turn.say(NO_TEXT);
  const { reply } = await bot.run(adapter, turn, { text: askAbout(question) });
  const passages = citationCount(reply);
  if (passages === 0) return turn.respond(reply);
  const thread: Place = await adapter.startThread(target, `Sources: ${question}`);
  await adapter.post(thread, leadOnly(reply));
  await adapter.postPassages(thread, reply);
  await turn.say(
    `Posted ${passages} passage${passages === 1 ? "" : "s"} in ${adapter.placeName(thread)}.`,
  );
}

/**
 * "@thesis-bot <question>": answered publicly where it was asked (the turn knows where).
 * In a thread where the bot answered before, `thread` holds that answer's command, and the
 * question is read as a follow-up to it (src/bot/follow-up.ts).
 */
export async function answerMention(
  bot: Bot,
  adapter: ChatAdapter,
  turn: Turn,
  question: string,
  thread?: ThreadContext,
): Promise<void> {
  const texts =
    question.trim() === ""
      ? ["help"]
      : thread
        ? followUpTexts(thread, question, bot.commands)
        : [askAbout(question)];
  // One message, however many readings it takes: it counts once against the rate limit.
  const answer = await bot.runFirst(adapter, turn, texts);
  await turn.respond(asPublic(answer.reply), { commandText: answer.commandText });
}
