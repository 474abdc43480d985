// Button clicks. Each button's value is the /thesis command text behind the answer, so a
// click re-runs it (answers are deterministic) instead of looking up stored state:
//   share  -> the same answer, posted publicly in the channel
//   thread -> the answer posted publicly, then each full passage as a reply in its thread
//   other  -> (bear case, next, prev...) the new answer, privately
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { renderCitationSlack, renderSlack, SLACK_ACTION_PREFIX } from "../../reply/render-slack.ts";
import { answerSafely, runForSlack, type SlackDeps } from "./deps.ts";
import { postPublic, respondAll, respondSentence } from "./post.ts";

const ACTION_PATTERN = new RegExp(`^${SLACK_ACTION_PREFIX}`);

export function registerButtons(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTION_PATTERN,
    async ({ action, body, ack, client, respond }) => {
      await ack();
      const id = action.action_id.slice(SLACK_ACTION_PREFIX.length);
      const channel = body.channel?.id ?? body.container?.channel_id;
      const asker = {
        userId: body.user.id,
        ...(body.user.name ? { userName: body.user.name } : {}),
        ...(channel ? { channelId: channel } : {}),
      };
      await answerSafely(
        deps,
        `button ${id}`,
        async () => {
          const reply = await runForSlack(deps, asker, action.value ?? "help");
          const failed = reply.kind === "error" || reply.kind === "usage";
          if ((id === "share" || id === "thread") && channel && !failed) {
            const omit = id === "share" ? ["share"] : ["share", "thread"];
            const parentTs = await postPublic(
              client,
              channel,
              renderSlack(reply, { omitActions: omit }),
            );
            if (id === "thread" && parentTs) {
              for (const citation of reply.sections.flatMap((section) => section.citations)) {
                await postPublic(client, channel, renderCitationSlack(citation), parentTs);
              }
            }
            return;
          }
          await respondAll(respond, renderSlack(reply), {
            visibility: "private",
            replaceOriginal: id === "next" || id === "prev",
          });
        },
        (sentence) => respondSentence(respond, sentence),
      );
    },
  );
}
