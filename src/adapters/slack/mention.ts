// @thesis-bot <question> in a channel or thread: answered in that thread, with quotes.
import type { App } from "@slack/bolt";
import { answerMention } from "../../bot/actions.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";
import { plainFromSlack, stripBotMention } from "./incoming-text.ts";
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
    await answerSafely(
      deps,
      "app_mention",
      () => answerMention(deps.bot, chat, turn, question),
      (sentence) => turn.say(sentence),
    );
  });
}
