// What every Slack handler needs: the platform-neutral commands and service, plus the
// adapter's own bookkeeping. Handlers receive this instead of reaching for globals.
import type { App } from "@slack/bolt";
import { parseCommandText, runCommandText } from "../../../commands/dispatch.ts";
import type { SubcommandDefinition } from "../../../commands/types.ts";
import type { ThesisService } from "../../answer/types.ts";
import type { Reply } from "../../reply/reply.ts";
import type { InFlight } from "../../server/in-flight.ts";
import { answerTurns } from "../../server/turns.ts";

export type SlackLog = (message: string, error?: unknown) => void;
export type SlackClient = App["client"];

export interface SlackDeps {
  commands: readonly SubcommandDefinition[];
  thesis: ThesisService;
  /** ADMIN_USERS or a workspace admin/owner; may ask Slack, so only called when it matters. */
  isAdmin: (userId: string) => Promise<boolean>;
  log: SlackLog;
  now: () => Date;
  /** Answers still being computed or posted; shutdown waits for them. */
  work: InFlight;
}

export interface Asker {
  userId: string;
  userName?: string;
  channelId?: string;
}

/** Runs a /thesis command line (without "/thesis") for a Slack user; never throws. */
export async function runForSlack(deps: SlackDeps, asker: Asker, text: string): Promise<Reply> {
  const isAdmin = changesSettings(deps.commands, text) ? await deps.isAdmin(asker.userId) : false;
  return runCommandText(
    deps.commands,
    {
      thesis: deps.thesis,
      platform: "slack",
      user: { id: asker.userId, ...(asker.userName ? { name: asker.userName } : {}) },
      ...(asker.channelId ? { channelId: asker.channelId } : {}),
      isAdmin,
      now: deps.now,
    },
    text,
    deps.log,
  );
}

/**
 * Only `digest on` and `digest off` look at isAdmin; other commands skip the users.info
 * lookup. A misspelt action fails validation before isAdmin is read, so false is safe.
 */
export function changesSettings(commands: readonly SubcommandDefinition[], text: string): boolean {
  const parsed = parseCommandText(text, commands);
  if (!parsed.ok || parsed.name !== "digest") return false;
  const action = parsed.raw.action?.toLowerCase();
  return action === "on" || action === "off";
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
