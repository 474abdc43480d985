// Global Bolt middleware, run before any listener: a redelivered event (same event_id,
// X-Slack-Retry-Num) is answered once, and messages written by bots (ours or others) never
// trigger an answer.
import type { App } from "@slack/bolt";
import type { SeenEvents } from "./dedupe.ts";
import type { SlackLog } from "./deps.ts";

export function installSafetyMiddleware(app: App, log: SlackLog, seen: SeenEvents): void {
  app.use(async ({ body, context, next }) => {
    const envelope = body as {
      event_id?: unknown;
      event?: { bot_id?: unknown; subtype?: unknown };
    };
    if (typeof envelope.event_id === "string" && !(await seen.firstSighting(envelope.event_id))) {
      log(`Slack: skipped redelivery of ${envelope.event_id} (retry ${context.retryNum ?? 0})`);
      return;
    }
    const event = envelope.event;
    if (event && (event.bot_id || event.subtype === "bot_message")) return;
    await next();
  });
}
