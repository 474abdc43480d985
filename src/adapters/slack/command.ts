// /thesis <text>: acknowledged at once (Slack gives up after 3 seconds), answered after
// through the response_url, privately unless the command says otherwise.
import type { App } from "@slack/bolt";
import { answerCommand } from "../../bot/actions.ts";
import { asksForPasteForm } from "../../bot/paste-source.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";
import { plainFromSlack } from "./incoming-text.ts";
import { openPasteForm } from "./paste.ts";
import { respondSentence } from "./post.ts";
import { interactionTurn } from "./turns.ts";

export const SLASH_COMMAND = "/thesis";

export function registerSlashCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const text = plainFromSlack(command.text ?? "");
    if (asksForPasteForm({ text })) {
      // The trigger_id is good for 3 seconds: the form opens on this request's turn, before
      // any answer's work (the admin check is one users.info, then remembered).
      return answerSafely(
        deps,
        "sources paste",
        () => openPasteForm(deps, client, command, respond),
        (sentence) => respondSentence(respond, sentence),
      );
    }
    const user = { id: command.user_id, name: command.user_name };
    await answerSafely(
      deps,
      "/thesis",
      () =>
        answerCommand(
          deps.bot,
          deps.chatWith(client),
          interactionTurn(respond, user, command.channel_id, command.team_id),
          { text },
        ),
      (sentence) => respondSentence(respond, sentence),
    );
  });
}
