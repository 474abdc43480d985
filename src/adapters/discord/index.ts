// The Discord adapter's public surface.
export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterConfig } from "./adapter.ts";
export { consoleLog, type DiscordLog } from "./core.ts";
export { discordConfigFrom } from "./from-config.ts";
export {
  createInteractionsListener,
  DISCORD_INTERACTIONS_PATH,
  type RequestListener,
} from "./http-interactions.ts";
export { buildCommandJson, type SyncResult, syncCommands } from "./registration.ts";
