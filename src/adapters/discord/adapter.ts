// createDiscordAdapter: the discord.js gateway client wired to /thesis. Intents are Guilds
// (interactions, channel and thread cache) and GuildMessages (mentions); no privileged
// intent is needed because mentions of the bot arrive with their content.
import { Client, Events, GatewayIntentBits } from "discord.js";
import type { DigestCommands, SubcommandDefinition } from "../../../commands/types.ts";
import type { ThesisService } from "../../answer/types.ts";
import { createCore, type DiscordCore, type DiscordLog } from "./core.ts";
import { guardGatewayInteractions } from "./gateway-guard.ts";
import { createInteractionsListener, type RequestListener } from "./http-interactions.ts";
import { handleInteraction } from "./interactions.ts";
import { handleMention } from "./mentions.ts";
import { type SyncResult, syncCommands } from "./registration.ts";

export interface DiscordAdapterConfig {
  token: string;
  applicationId: string;
  /** Register commands in this guild (instant) instead of globally. */
  guildId?: string;
  /** REST base such as "https://discord.com/api" (DISCORD_API_URL), for proxies and tests. */
  apiUrl?: string;
  /** Enables the HTTP interactions listener (DISCORD_PUBLIC_KEY, 64 hex characters). */
  publicKey?: string;
  commands: readonly SubcommandDefinition[];
  thesis: ThesisService;
  log?: DiscordLog;
  /** User ids that may change settings (ADMIN_USERS), besides members with Manage Server. */
  admins?: readonly string[];
  /** Compare and register commands on start. Default true. */
  registerCommands?: boolean;
  now?: () => Date;
  /** Digest subscriptions for `/thesis digest` (absent: the command says it is not set up). */
  digest?: DigestCommands;
}

export interface DiscordAdapter {
  client: Client;
  core: DiscordCore;
  /** Logs in, waits for READY, then syncs commands; resolves once the bot is online. */
  start(): Promise<{ registration?: SyncResult }>;
  stop(): Promise<void>;
  /** `POST /discord/interactions` listener, present when publicKey is set. */
  interactionsListener?: RequestListener;
}

export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  const core = createCore(config);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [] },
    rest: config.apiUrl ? { api: config.apiUrl } : {},
  });
  guardGatewayInteractions(client, core.log);
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(core, interaction));
  client.on(Events.MessageCreate, (message) => void handleMention(core, message));
  client.on(Events.Error, (error) => core.log.error("Discord client error", error));

  const adapter: DiscordAdapter = {
    client,
    core,
    async start() {
      // The listener goes on before login(): READY can arrive before login() resolves.
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login(config.token);
      await ready;
      core.log.info(`Discord: logged in as ${client.user?.tag ?? "the bot"}.`);
      if (config.registerCommands === false) return {};
      try {
        const registration = await syncCommands({
          rest: client.rest,
          applicationId: config.applicationId,
          ...(config.guildId ? { guildId: config.guildId } : {}),
          defs: config.commands,
          log: (message) => core.log.info(message),
        });
        return { registration };
      } catch (error) {
        // The bot still answers commands registered earlier; say how to fix the rest.
        core.log.error(
          "Could not register /thesis with Discord. Check DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID) and that the bot was invited with the applications.commands scope.",
          error,
        );
        return {};
      }
    },
    async stop() {
      await client.destroy();
    },
  };
  if (config.publicKey) {
    adapter.interactionsListener = createInteractionsListener({
      core,
      publicKey: config.publicKey,
      applicationId: config.applicationId,
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    });
  }
  return adapter;
}
