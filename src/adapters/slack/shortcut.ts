// The "Find sources" message shortcut: the passages that bear on a message, posted in that
// message's thread (src/bot/actions.ts findSources).
import type { App, MessageShortcut } from "@slack/bolt";
import { findSources } from "../../bot/actions.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";
import { clipQuestion, plainFromSlack } from "./incoming-text.ts";
import { respondSentence } from "./post.ts";
import { interactionTurn } from "./turns.ts";

export const FIND_SOURCES_CALLBACK_ID = "find_sources";

export function registerFindSources(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: FIND_SOURCES_CALLBACK_ID, type: "message_action" },
    async ({ shortcut, ack, respond, client }) => {
      await ack();
      const channel = shortcut.channel.id;
      const target = {
        channelId: channel,
        messageId: shortcut.message.ts,
        ...(shortcut.message.thread_ts ? { threadId: shortcut.message.thread_ts } : {}),
      };
      const user = { id: shortcut.user.id, name: shortcut.user.name };
      const text = clipQuestion(plainFromSlack(shortcut.message.text ?? ""));
      await answerSafely(
        deps,
        "find_sources",
        () =>
          findSources(
            deps.bot,
            deps.chatWith(client),
            interactionTurn(respond, user, channel, shortcut.team?.id, { ...target, public: true }),
            target,
            text,
          ),
        (sentence) => respondSentence(respond, sentence),
      );
    },
  );
}
