// The Discord adapter's public surface.
export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterConfig } from "./adapter.ts";
export { createDiscordChat, discordDigestRef } from "./chat.ts";
export { discordConfigFrom } from "./from-config.ts";
export { DISCORD_INTERACTIONS_PATH, type RequestListener } from "./http-interactions.ts";
export { consoleLog, type DiscordLog } from "./log.ts";
export { buildCommandJson, type SyncResult, syncCommands } from "./registration.ts";
