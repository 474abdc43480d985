// What every Slack handler needs: the bot, Slack as a ChatAdapter, and the adapter's own
// bookkeeping. Handlers receive this instead of reaching for globals.
import type { App } from "@slack/bolt";
import type { Bot } from "../../bot/bot.ts";
import type { ChatAdapter } from "../../bot/chat-adapter.ts";
import type { InFlight } from "../../server/in-flight.ts";
import { answerTurns } from "../../server/turns.ts";

export type SlackLog = (message: string, error?: unknown) => void;
export type SlackClient = App["client"];

export interface SlackDeps {
  bot: Bot;
  /**
   * Slack as the bot sees it (posts, threads, admins) through a request's client, which Bolt
   * made with the token of the workspace the request came from.
   */
  chatWith(client: SlackClient): ChatAdapter;
  log: SlackLog;
  /** Answers still being computed or posted; shutdown waits for them. */
  work: InFlight;
}

/** The one sentence a user sees when posting an answer failed; details go to the log. */
export const POST_FAILED =
  "Sorry, I couldn't post that answer to Slack. Please try again in a moment.";

const NOT_INVITED =
  "I can't post in this channel yet. Invite me with /invite @thesis-bot, then try again.";

function sentenceFor(error: unknown): string {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return code === "not_in_channel" || code === "channel_not_found" ? NOT_INVITED : POST_FAILED;
}

/**
 * Runs a handler's slow part as tracked work (so shutdown waits for it) and turns any
 * failure into a log entry plus one plain sentence for the user.
 */
export async function answerSafely(
  deps: SlackDeps,
  what: string,
  job: () => Promise<void>,
  tellUser?: (sentence: string) => Promise<unknown>,
): Promise<void> {
  // Answers are computed synchronously; waiting for a turn lets requests that arrived
  // meanwhile be acknowledged before this one's answer takes the event loop.
  await deps.work.track(
    answerTurns
      .next()
      .then(job)
      .catch(async (error: unknown) => {
        deps.log(`Slack ${what} failed`, error);
        await tellUser?.(sentenceFor(error)).catch((again: unknown) =>
          deps.log(`Slack ${what}: could not tell the user either`, again),
        );
      }),
  );
}
