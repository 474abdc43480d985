// The bot was removed from a server (kicked, left, or the server deleted): discord.js emits
// guildDelete. What the bot kept for that server (digest subscriptions, their history,
// settings) is forgotten, as Slack's app_uninstalled does for a workspace. A server that is
// only unavailable (an outage) arrives as guildUnavailable instead and keeps everything.
import type { DiscordLog } from "./log.ts";

export async function forgetRemovedGuild(
  deps: { forgetGuild: (guildId: string) => Promise<void>; log: DiscordLog },
  guildId: string,
): Promise<void> {
  try {
    await deps.forgetGuild(guildId);
    deps.log.info(`Discord: removed from server ${guildId}; forgot its digests and settings.`);
  } catch (error) {
    deps.log.error(`Discord: could not forget server ${guildId} after its removal`, error);
  }
}
