// Global Bolt middleware, run before any listener:
// - a redelivered event (same event_id, X-Slack-Retry-Num) is answered once;
// - messages written by bots (ours or others) never trigger an answer;
// - a well-formed request no listener of ours takes (another slash command, a button or
//   shortcut of another app's making, an options or modal request) is acknowledged at once.
//   Bolt would otherwise hold it open for 3 seconds and then answer 404, which Slack treats
//   as a failure to retry.
import type { AnyMiddlewareArgs, App } from "@slack/bolt";
import { SLACK_ACTION_PREFIX } from "../../reply/render-slack.ts";
import { SLASH_COMMAND } from "./command.ts";
import { RecentIds } from "./dedupe.ts";
import type { SlackLog } from "./deps.ts";
import { FIND_SOURCES_CALLBACK_ID } from "./shortcut.ts";

interface Envelope {
  event_id?: unknown;
  event?: { bot_id?: unknown; subtype?: unknown };
  command?: unknown;
  type?: unknown;
  callback_id?: unknown;
  actions?: { action_id?: unknown }[];
}

export function installSafetyMiddleware(app: App, log: SlackLog): void {
  const recent = new RecentIds();
  app.use(async (args) => {
    const { body, context, next } = args;
    const envelope = body as Envelope;
    if (typeof envelope.event_id === "string" && !recent.firstSighting(envelope.event_id)) {
      log(`Slack: skipped redelivery of ${envelope.event_id} (retry ${context.retryNum ?? 0})`);
      return;
    }
    const event = envelope.event;
    if (event && (event.bot_id || event.subtype === "bot_message")) return;
    if (!isOurs(envelope)) {
      await ackOf(args)?.();
      return;
    }
    await next();
  });
}

/** Whether one of our listeners (command.ts, buttons.ts, shortcut.ts, mention.ts) takes it. */
function isOurs(body: Envelope): boolean {
  if (body.event !== undefined) return true; // events are acknowledged by Bolt itself
  if (body.command !== undefined) return body.command === SLASH_COMMAND;
  if (body.type === "block_actions") {
    // Bolt matches listeners against the first action only.
    const actionId = body.actions?.[0]?.action_id;
    return typeof actionId === "string" && actionId.startsWith(SLACK_ACTION_PREFIX);
  }
  if (body.type === "message_action") return body.callback_id === FIND_SOURCES_CALLBACK_ID;
  return false;
}

function ackOf(args: AnyMiddlewareArgs): (() => Promise<void>) | undefined {
  return "ack" in args && typeof args.ack === "function"
    ? () => (args.ack as () => Promise<void>)()
    : undefined;
}
