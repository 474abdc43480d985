// Button clicks: each button's value is the /thesis command text behind the answer, and
// src/bot/actions.ts decides what the click does (the same on every platform).
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { pressButton } from "../../bot/actions.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";
import { respondSentence } from "./post.ts";
import { SLACK_ACTION_PREFIX } from "./render.ts";
import { interactionTurn } from "./turns.ts";

const ACTION_PATTERN = new RegExp(`^${SLACK_ACTION_PREFIX}`);

export function registerButtons(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTION_PATTERN,
    async ({ action, body, ack, respond, client }) => {
      await ack();
      const actionId = action.action_id.slice(SLACK_ACTION_PREFIX.length);
      const channel = body.channel?.id ?? body.container?.channel_id;
      const user = { id: body.user.id, ...(body.user.name ? { name: body.user.name } : {}) };
      // Buttons on an ephemeral answer sit on no message the channel can see.
      const ts = body.container?.is_ephemeral ? undefined : body.message?.ts;
      const message =
        channel && ts
          ? {
              channelId: channel,
              messageId: ts,
              public: true,
              ...(body.message?.thread_ts ? { threadId: body.message.thread_ts } : {}),
            }
          : undefined;
      await answerSafely(
        deps,
        `button ${actionId}`,
        () =>
          pressButton(
            deps.bot,
            deps.chatWith(client),
            interactionTurn(respond, user, channel, body.team?.id, message),
            { actionId, commandText: action.value ?? "help" },
          ),
        (sentence) => respondSentence(respond, sentence),
      );
    },
  );
}
