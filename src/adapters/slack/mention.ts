// @thesis-bot <question> in a channel or thread: answered in that thread, with quotes. In a
// thread where the bot answered before, the question is read as a follow-up to that answer
// (thread-context.ts, src/bot/follow-up.ts).
import type { App } from "@slack/bolt";
import { answerMention } from "../../bot/actions.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";
import { plainFromSlack, stripBotMention } from "./incoming-text.ts";
import { slackThreadContext } from "./thread-context.ts";
import { threadTurn } from "./turns.ts";

export function registerMention(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, context, client }) => {
    if (event.bot_id || event.subtype === "bot_message") return;
    const question = plainFromSlack(stripBotMention(event.text, context.botUserId));
    const asked = {
      channelId: event.channel,
      messageId: event.ts,
      ...(event.thread_ts ? { threadId: event.thread_ts } : {}),
    };
    const chat = deps.chatWith(client);
    const turn = threadTurn(chat, client, { id: event.user ?? "unknown" }, asked, context.teamId);
    const threadTs = event.thread_ts;
    await answerSafely(
      deps,
      "app_mention",
      async () => {
        // Without the thread (no history scope, Slack down) the question is still answered alone.
        const thread = threadTs
          ? await slackThreadContext(client, event.channel, threadTs, event.ts).catch(
              (error: unknown) => {
                deps.log("Slack: could not read the thread of a mention", error);
                return undefined;
              },
            )
          : undefined;
        await answerMention(deps.bot, chat, turn, question, thread);
      },
      (sentence) => turn.say(sentence),
    );
  });
}
