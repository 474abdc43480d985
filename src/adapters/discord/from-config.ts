// Maps the parsed environment (src/config.ts) onto the adapter's config, so src/app stays
// wiring only. Returns undefined when Discord is not configured (no DISCORD_TOKEN).

import type { Bot } from "../../bot/bot.ts";
import type { Config } from "../../config.ts";
import type { AtomicStore } from "../../store/index.ts";
import type { DiscordAdapterConfig } from "./adapter.ts";
import type { DiscordLog } from "./log.ts";

export function discordConfigFrom(
  config: Config,
  deps: {
    bot: Bot;
    log?: DiscordLog;
    sharedState?: AtomicStore;
    forgetGuild?: (guildId: string) => Promise<void>;
  },
): DiscordAdapterConfig | undefined {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) return undefined;
  return {
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    bot: deps.bot,
    admins: config.ADMIN_USERS,
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.sharedState ? { sharedState: deps.sharedState } : {}),
    ...(deps.forgetGuild ? { forgetGuild: deps.forgetGuild } : {}),
    ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
    ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    ...(config.DISCORD_SHARDS ? { shards: config.DISCORD_SHARDS } : {}),
    // Split over processes, the one running shard 0 registers /thesis; the others need not.
    ...(typeof config.DISCORD_SHARDS === "object" && !config.DISCORD_SHARDS.ids.includes(0)
      ? { registerCommands: false }
      : {}),
    ...(config.DISCORD_PUBLIC_KEY ? { publicKey: config.DISCORD_PUBLIC_KEY } : {}),
  };
}
