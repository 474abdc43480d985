// The App Home tab: on app_home_opened, publishes the bot's home page (src/bot/home.ts)
// for the person who opened it, drawn with the same Block Kit renderer as answers.
import type { App } from "@slack/bolt";
import { homeReply } from "../../bot/home.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";
import { renderSlack } from "./render.ts";

/** Slack refuses a view with more blocks than this. */
const MAX_VIEW_BLOCKS = 100;

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await answerSafely(deps, "app_home_opened", async () => {
      const reply = await homeReply(deps.bot, deps.chatWith(client), { id: event.user });
      const blocks = renderSlack(reply)
        .flatMap((message) => message.blocks as { type: string }[])
        .filter((block) => block.type !== "actions")
        .slice(0, MAX_VIEW_BLOCKS);
      await client.views.publish({
        user_id: event.user,
        view: { type: "home", blocks: blocks as never },
      });
    });
  });
}
