// The "Find sources" message shortcut: the passages that support or contradict a message,
// posted in that message's thread.
import type { App, MessageShortcut } from "@slack/bolt";
import { renderSlack } from "../../reply/render-slack.ts";
import { answerSafely, runForSlack, type SlackDeps } from "./deps.ts";
import { clipQuestion, plainFromSlack } from "./incoming-text.ts";
import { PUBLIC_THREAD_OMITS } from "./mention.ts";
import { postPublic } from "./post.ts";

export const FIND_SOURCES_CALLBACK_ID = "find_sources";

export function registerFindSources(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: FIND_SOURCES_CALLBACK_ID, type: "message_action" },
    async ({ shortcut, ack, client, respond }) => {
      await ack();
      const channel = shortcut.channel.id;
      const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
      const question = clipQuestion(plainFromSlack(shortcut.message.text ?? "").trim());
      await answerSafely(
        deps,
        "find_sources",
        async () => {
          const reply = await runForSlack(
            deps,
            { userId: shortcut.user.id, userName: shortcut.user.name, channelId: channel },
            question === "" ? "help" : `ask ${question}`,
          );
          await postPublic(
            client,
            channel,
            renderSlack(reply, { omitActions: PUBLIC_THREAD_OMITS }),
            threadTs,
          );
        },
        (sentence) => respond({ response_type: "ephemeral", text: sentence }),
      );
    },
  );
}
