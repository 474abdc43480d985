// @thesis-bot <question> in a channel or thread: answered in that thread, with quotes.
import type { App } from "@slack/bolt";
import { renderSlack } from "../../reply/render-slack.ts";
import { answerSafely, runForSlack, type SlackDeps } from "./deps.ts";
import { plainFromSlack, stripBotMention } from "./incoming-text.ts";
import { postPublic } from "./post.ts";

/** Buttons that make no sense on a message everyone already sees in a thread. */
export const PUBLIC_THREAD_OMITS = ["share", "thread"] as const;

export function registerMention(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, context, client }) => {
    if (event.bot_id || event.subtype === "bot_message") return;
    const question = plainFromSlack(stripBotMention(event.text, context.botUserId));
    const threadTs = event.thread_ts ?? event.ts;
    await answerSafely(
      deps,
      "app_mention",
      async () => {
        const reply = await runForSlack(
          deps,
          { userId: event.user ?? "unknown", channelId: event.channel },
          question === "" ? "help" : `ask ${question}`,
        );
        const messages = renderSlack(reply, { omitActions: PUBLIC_THREAD_OMITS });
        await postPublic(client, event.channel, messages, threadTs);
      },
      (sentence) =>
        client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, text: sentence }),
    );
  });
}
