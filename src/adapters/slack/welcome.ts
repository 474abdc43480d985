// The bot was added to a channel (member_joined_channel for the bot itself): one short
// welcome there, once per workspace and channel (src/bot/welcome.ts remembers).
import type { App } from "@slack/bolt";
import { welcomeOnce } from "../../bot/welcome.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";

export function registerWelcome(app: App, deps: SlackDeps): void {
  app.event("member_joined_channel", async ({ event, context, client }) => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    const scope = `${context.teamId ?? context.enterpriseId ?? "-"}:${event.channel}`;
    await answerSafely(deps, "member_joined_channel", async () => {
      await welcomeOnce(deps.bot, deps.chatWith(client), { channelId: event.channel }, scope);
    });
  });
}
