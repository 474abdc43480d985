// The Discord adapter's public surface.
export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterConfig } from "./adapter.ts";
export { consoleLog, type DiscordLog } from "./core.ts";
export { createInteractionsListener, type RequestListener } from "./http-interactions.ts";
export { buildCommandJson, type SyncResult, syncCommands } from "./registration.ts";
