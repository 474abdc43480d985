// Maps the parsed environment (src/config.ts) onto the adapter's config, so main.ts stays
// wiring only. Returns undefined when Discord is not configured (no DISCORD_TOKEN).
import type { DigestCommands, SubcommandDefinition } from "../../../commands/types.ts";
import type { ThesisService } from "../../answer/types.ts";
import type { Config } from "../../config.ts";
import type { DiscordAdapterConfig } from "./adapter.ts";
import type { DiscordLog } from "./core.ts";

export function discordConfigFrom(
  config: Config,
  deps: {
    commands: readonly SubcommandDefinition[];
    thesis: ThesisService;
    log?: DiscordLog;
    digest?: DigestCommands;
  },
): DiscordAdapterConfig | undefined {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) return undefined;
  const adapterConfig: DiscordAdapterConfig = {
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    commands: deps.commands,
    thesis: deps.thesis,
    admins: config.ADMIN_USERS,
  };
  if (deps.log) adapterConfig.log = deps.log;
  if (deps.digest) adapterConfig.digest = deps.digest;
  if (config.DISCORD_GUILD_ID) adapterConfig.guildId = config.DISCORD_GUILD_ID;
  if (config.DISCORD_API_URL) adapterConfig.apiUrl = config.DISCORD_API_URL;
  if (config.DISCORD_PUBLIC_KEY) adapterConfig.publicKey = config.DISCORD_PUBLIC_KEY;
  return adapterConfig;
}
