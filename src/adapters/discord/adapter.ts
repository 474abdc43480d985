// createDiscordAdapter: the discord.js gateway client and, with a public key, the HTTP
// interactions endpoint: two receivers feeding one dispatch (interactions.ts) and one bot.
// Intents are Guilds (interactions, channel and thread cache) and GuildMessages (mentions);
// no privileged intent is needed because mentions of the bot arrive with their content.
import { Client, Events, GatewayIntentBits } from "discord.js";
import type { Bot } from "../../bot/bot.ts";
import type { ChatAdapter } from "../../bot/chat-adapter.ts";
import { InFlight } from "../../server/in-flight.ts";
import type { AtomicStore } from "../../store/index.ts";
import { createDiscordChat } from "./chat.ts";
import { CommandTextStore } from "./custom-id.ts";
import { callbackFor, receiveGatewayInteractions } from "./gateway.ts";
import { createInteractionsListener, type RequestListener } from "./http-interactions.ts";
import { answerInteraction, type InteractionDeps } from "./interactions.ts";
import { consoleLog, type DiscordLog } from "./log.ts";
import { handleMention } from "./mentions.ts";
import { type SyncResult, syncCommands } from "./registration.ts";
import { forgetRemovedGuild } from "./removed.ts";
import { welcomeGuild } from "./welcome.ts";

export interface DiscordAdapterConfig {
  token: string;
  applicationId: string;
  /** Register commands in this guild (instant) instead of globally. */
  guildId?: string;
  /** REST base such as "https://discord.com/api" (DISCORD_API_URL), for proxies and tests. */
  apiUrl?: string;
  /** Enables the HTTP interactions listener (DISCORD_PUBLIC_KEY, 64 hex characters). */
  publicKey?: string;
  /** What every command, button and mention runs; /thesis is registered from bot.commands. */
  bot: Bot;
  /** Defaults to the console. */
  log?: DiscordLog;
  /**
   * DISCORD_SHARDS: gateway shards this process runs, "auto" for Discord's recommended count.
   * Defaults to one shard (up to about 2,500 guilds).
   */
  shards?: "auto" | { ids: number[]; count: number };
  /**
   * Where long button texts are kept so any replica can answer a click (Redis shared by
   * replicas, or the SQLite file). Defaults to this process's memory only.
   */
  sharedState?: AtomicStore;
  /** User ids that may change settings (ADMIN_USERS), besides members with Manage Server. */
  admins?: readonly string[];
  /** Compare and register commands on start. Defaults to true. */
  registerCommands?: boolean;
  /** How long stop() waits for answers still being written. Defaults to 10 s. */
  shutdownGraceMs?: number;
  /** Removes a server's data once the bot is removed from it. Defaults to removing nothing. */
  forgetGuild?: (guildId: string) => Promise<void>;
}

export interface DiscordAdapter {
  client: Client;
  /** Discord as the bot sees it: posts, threads, admins (the digest posts through it). */
  chat: ChatAdapter;
  /** Logs in, waits for READY, then syncs commands; resolves once the bot is online. */
  start(): Promise<{ registration?: SyncResult }>;
  /** Waits for answers still being written (capped), then disconnects. */
  stop(): Promise<void>;
  /** `POST /discord/interactions` listener, present when publicKey is set. */
  interactionsListener?: RequestListener;
}

export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  const log = config.log ?? consoleLog;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [] },
    rest: config.apiUrl ? { api: config.apiUrl } : {},
    ...(config.shards === "auto" ? { shards: "auto" as const } : {}),
    ...(typeof config.shards === "object"
      ? { shards: config.shards.ids, shardCount: config.shards.count }
      : {}),
  });
  // Set now, not only at login(): the HTTP endpoint posts (Share, Find sources) through it too.
  client.rest.setToken(config.token);
  const store = new CommandTextStore({
    ...(config.sharedState ? { shared: config.sharedState } : {}),
    log: (message, error) => log.error(message, error),
  });
  const chat = createDiscordChat({
    rest: client.rest,
    store,
    admins: new Set(config.admins ?? []),
  });
  const deps: InteractionDeps = {
    bot: config.bot,
    chat,
    store,
    rest: client.rest,
    applicationId: config.applicationId,
    log,
  };
  const work = new InFlight();
  const track = (answer: Promise<void>) =>
    void work.track(answer).catch((error) => log.error("Discord interaction failed", error));

  receiveGatewayInteractions(client, log, (interaction) =>
    track(answerInteraction(deps, interaction, callbackFor(client.rest, interaction))),
  );
  client.on(Events.MessageCreate, (message) => track(handleMention(deps, message)));
  // Emitted only for servers joined while the bot is up, not for those READY lists.
  client.on(Events.GuildCreate, (guild) => track(welcomeGuild(deps, guild)));
  const forgetGuild = config.forgetGuild;
  if (forgetGuild) {
    client.on(Events.GuildDelete, (guild) =>
      track(forgetRemovedGuild({ forgetGuild, log }, guild.id)),
    );
  }
  client.on(Events.Error, (error) => log.error("Discord client error", error));

  const graceMs = config.shutdownGraceMs ?? 10_000;
  let stopped: Promise<void> | undefined;
  const adapter: DiscordAdapter = {
    client,
    chat,
    async start() {
      // The listener goes on before login(): READY can arrive before login() resolves.
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login(config.token);
      await ready;
      log.info(`Discord: logged in as ${client.user?.tag ?? "the bot"}.`);
      if (config.registerCommands === false) return {};
      try {
        const registration = await syncCommands({
          rest: client.rest,
          applicationId: config.applicationId,
          ...(config.guildId ? { guildId: config.guildId } : {}),
          defs: config.bot.commands,
          log: (message) => log.info(message),
        });
        return { registration };
      } catch (error) {
        // The bot still answers commands registered earlier; say how to fix the rest.
        log.error(
          "Could not register /thesis with Discord. Check DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID) and that the bot was invited with the applications.commands scope.",
          error,
        );
        return {};
      }
    },
    stop() {
      stopped ??= (async () => {
        await Promise.race([
          work.idle(),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
        await client.destroy();
      })();
      return stopped;
    },
  };
  if (config.publicKey) {
    adapter.interactionsListener = createInteractionsListener({
      deps,
      publicKey: config.publicKey,
      track: (answer) => void work.track(answer).catch(() => {}),
    });
  }
  return adapter;
}
