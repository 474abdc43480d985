// /thesis <text>: acknowledged at once (Slack gives up after 3 seconds), answered after
// through the response_url, privately unless the command says otherwise.
import type { App } from "@slack/bolt";
import { renderSlack } from "../../reply/render-slack.ts";
import type { Reply } from "../../reply/reply.ts";
import { answerSafely, runForSlack, type SlackDeps } from "./deps.ts";
import { plainFromSlack } from "./incoming-text.ts";
import { respondAll, respondSentence } from "./post.ts";

export const SLASH_COMMAND = "/thesis";

export function registerSlashCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const text = plainFromSlack(command.text ?? "");
    await answerSafely(
      deps,
      "/thesis",
      async () => {
        const reply = withShareButtons(
          await runForSlack(
            deps,
            { userId: command.user_id, userName: command.user_name, channelId: command.channel_id },
            text,
          ),
          text,
        );
        await respondAll(respond, renderSlack(reply), { visibility: reply.visibility });
      },
      (sentence) => respondSentence(respond, sentence),
    );
  });
}

/**
 * A private answer can always be shared or quoted in a thread: if the command did not
 * offer those buttons, add them with the typed text, which re-runs to the same answer.
 */
export function withShareButtons(reply: Reply, commandText: string): Reply {
  if (reply.kind !== "answer" || reply.visibility !== "private") return reply;
  const has = (id: string) => reply.actions.some((action) => action.id === id);
  const value = commandText.trim();
  const added = [
    ...(has("share") ? [] : [{ id: "share", label: "Share to channel", value }]),
    ...(has("thread") ? [] : [{ id: "thread", label: "Quote in thread", value }]),
  ];
  return added.length === 0 ? reply : { ...reply, actions: [...added, ...reply.actions] };
}
