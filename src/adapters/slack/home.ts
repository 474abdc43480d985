// The App Home tab: on app_home_opened, publishes the bot's home page (src/bot/home.ts)
// for the person who opened it, with the digests of the workspace it was opened in, drawn
// with the same Block Kit renderer as answers.
import type { App } from "@slack/bolt";
import { homeReply } from "../../bot/home.ts";
import { answerSafely, type SlackClient, type SlackDeps } from "./deps.ts";
import { renderSlack } from "./render.ts";

/** Slack refuses a view with more blocks than this. */
const MAX_VIEW_BLOCKS = 100;

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    await answerSafely(deps, "app_home_opened", async () => {
      const reply = await homeReply(deps.bot, deps.chatWith(client), {
        user: { id: event.user },
        workspaceId: context.teamId,
        channelName: (id) => channelName(client, id),
      });
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

/** "#research" (conversations.info, the channels:read scope); its id when Slack will not say. */
async function channelName(client: SlackClient, channelId: string): Promise<string> {
  try {
    const info = await client.conversations.info({ channel: channelId });
    return info.channel?.name ? `#${info.channel.name}` : channelId;
  } catch {
    return channelId;
  }
}
