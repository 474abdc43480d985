// Serve mode: the shared HTTP server plus every configured chat adapter, started in one
// process with one log line each, and stopped together. Each adapter feeds the same bot.
// The server opens first (openHttp), before the index loads, so /healthz, /readyz (503
// until loaded) and /metrics answer during the load while the chat paths answer 503
// "starting" (src/server/starting.ts); startChat then mounts the adapters on it.
import type { Platform } from "../../commands/types.ts";
import {
  createDiscordAdapter,
  DISCORD_INTERACTIONS_PATH,
  discordConfigFrom,
} from "../adapters/discord/index.ts";
import {
  createSlackAdapter,
  SLACK_EVENTS_PATH,
  SLACK_INSTALL_PATH,
  SLACK_REDIRECT_PATH,
  slackConfigFromEnv,
} from "../adapters/slack/index.ts";
import type { Bot } from "../bot/bot.ts";
import type { ChatAdapter } from "../bot/chat-adapter.ts";
import type { Config } from "../config.ts";
import type { ChatFor } from "../digest/chat-poster.ts";
import { createHttpServer, type HttpServer } from "../server/http.ts";
import { mountObservability } from "../server/observability.ts";
import { refuseWhileStarting } from "../server/starting.ts";
import type { Store } from "../store/index.ts";
import type { AppLog } from "./log.ts";
import type { AppMetrics } from "./metrics.ts";

export function hasChatTokens(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID);
}

export interface RunningChat {
  /**
   * The platforms that are up, as the bot posts to them (the digest): one ChatAdapter, or
   * one per channel's workspace (Slack, whose tokens are per workspace).
   */
  chats: Partial<Record<Platform, ChatAdapter | ChatFor>>;
  stop(): Promise<void>;
}

/**
 * The shared HTTP server, listening on PORT: health, readiness and metrics at once, the chat
 * platforms' paths refused with 503 until startChat mounts the adapters.
 */
export async function openHttp(
  config: Config,
  deps: { log: AppLog; metrics: AppMetrics; ready: () => Promise<boolean> },
): Promise<HttpServer> {
  const { log } = deps;
  const server = createHttpServer({ log: (message, error) => log.error(message, error) });
  mountObservability(server, {
    metrics: deps.metrics,
    ready: deps.ready,
    ackRoutes: [SLACK_EVENTS_PATH, DISCORD_INTERACTIONS_PATH],
    ackSent: (route, seconds) => deps.metrics.ackSent(route, seconds),
  });
  refuseWhileStarting(server, [
    SLACK_EVENTS_PATH,
    SLACK_INSTALL_PATH,
    SLACK_REDIRECT_PATH,
    DISCORD_INTERACTIONS_PATH,
  ]);
  const port = await server.start(config.PORT, config.HOST);
  log.info(`HTTP: listening on ${config.HOST}:${port} (GET /healthz, /readyz, /metrics).`);
  return server;
}

/** Starts every configured adapter on `server` (from openHttp); stop() also stops the server. */
export async function startChat(
  config: Config,
  server: HttpServer,
  deps: {
    bot: Bot;
    log: AppLog;
    /** Slack installations and redelivered event ids (shared by replicas on Redis). */
    store?: Pick<Store, "installations" | "atomic">;
    /** Removes a workspace's data once it uninstalls the app (or removes the Discord bot). */
    forgetWorkspace?: (platform: Platform, workspaceId: string) => Promise<void>;
    /** Records the team found for a Slack channel that had none (channel-team.ts). */
    learnedChannelTeam?: (channelId: string, teamId: string) => Promise<void>;
  },
): Promise<RunningChat> {
  const { bot, log } = deps;
  const forget = deps.forgetWorkspace;
  const stops: (() => Promise<void>)[] = [];
  const chats: RunningChat["chats"] = {};
  try {
    const slackConfig = slackConfigFromEnv(config, {
      server,
      bot,
      log: (message, error) => (error ? log.error(message, error) : log.info(message)),
      debug: (message) => log.debug(message),
      ...(deps.store ? { store: deps.store } : {}),
      ...(forget ? { forgetWorkspace: (teamId: string) => forget("slack", teamId) } : {}),
      ...(deps.learnedChannelTeam ? { learnedChannelTeam: deps.learnedChannelTeam } : {}),
    });
    if (slackConfig) {
      const slack = createSlackAdapter(slackConfig);
      await slack.start();
      stops.push(() => slack.stop());
      chats.slack = (channel) => slack.chatFor(channel);
      log.info(
        `${slack.mode === "socket" ? "Slack: up (Socket Mode)" : `Slack: up (HTTP, POST ${SLACK_EVENTS_PATH})`}${slackConfig.oauth ? `, installs at GET ${SLACK_INSTALL_PATH}` : ""}.`,
      );
    }
    const discordConfig = discordConfigFrom(config, {
      bot,
      log: {
        info: (m) => log.info(m),
        error: (m, e) => log.error(m, e),
        debug: (m) => log.debug(m),
      },
      ...(deps.store ? { sharedState: deps.store.atomic } : {}),
      ...(forget ? { forgetGuild: (guildId: string) => forget("discord", guildId) } : {}),
    });
    if (discordConfig) {
      const discord = createDiscordAdapter(discordConfig);
      if (discord.interactionsListener)
        server.route(DISCORD_INTERACTIONS_PATH, discord.interactionsListener);
      await discord.start();
      stops.push(() => discord.stop());
      chats.discord = discord.chat;
      log.info(
        `Discord: up as ${discord.client.user?.tag ?? "the bot"}${discord.interactionsListener ? ` (HTTP interactions at POST ${DISCORD_INTERACTIONS_PATH})` : ""}.`,
      );
    }
  } catch (error) {
    await Promise.allSettled([...stops.map((stop) => stop()), server.stop()]);
    throw error;
  }
  return {
    chats,
    async stop() {
      // The server drains first (answers still being written), then the clients disconnect.
      await server.stop();
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}
