// Serve mode: the shared HTTP server plus every configured chat adapter, started in one
// process with one log line each, and stopped together.
import { thesisCommands } from "../../commands/index.ts";
import type { DigestCommands, SubcommandDefinition } from "../../commands/types.ts";
import {
  createDiscordAdapter,
  DISCORD_INTERACTIONS_PATH,
  discordConfigFrom,
} from "../adapters/discord/index.ts";
import {
  createSlackAdapter,
  SLACK_EVENTS_PATH,
  slackConfigFromEnv,
} from "../adapters/slack/index.ts";
import type { ThesisService } from "../answer/types.ts";
import type { Config } from "../config.ts";
import type { DigestPosters } from "../digest/index.ts";
import { createHttpServer } from "../server/http.ts";
import type { AppLog } from "./log.ts";
import { discordPoster, slackPoster } from "./posters.ts";
import { withDigest } from "./with-context.ts";

export function hasChatTokens(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN);
}

export interface RunningChat {
  posters: DigestPosters;
  stop(): Promise<void>;
}

export async function startChat(
  config: Config,
  deps: {
    thesis: ThesisService;
    digest: DigestCommands;
    log: AppLog;
    /** The commands to serve; default thesisCommands (run.ts passes them with the model). */
    commands?: readonly SubcommandDefinition[];
  },
): Promise<RunningChat> {
  const { thesis, digest, log } = deps;
  const commands = deps.commands ?? thesisCommands;
  const server = createHttpServer({ log: (message, error) => log.error(message, error) });
  const stops: (() => Promise<void>)[] = [];
  const posters: DigestPosters = {};
  try {
    const slackConfig = slackConfigFromEnv(config, {
      server,
      commands: withDigest(commands, digest),
      thesis,
      log: (message, error) => (error ? log.error(message, error) : log.info(message)),
      debug: (message) => log.debug(message),
    });
    if (slackConfig) {
      const slack = createSlackAdapter(slackConfig);
      await slack.start();
      stops.push(() => slack.stop());
      posters.slack = slackPoster(slack.app);
      log.info(
        slack.mode === "socket"
          ? "Slack: up (Socket Mode)."
          : `Slack: up (HTTP, POST ${SLACK_EVENTS_PATH}).`,
      );
    }
    const discordConfig = discordConfigFrom(config, {
      commands,
      thesis,
      digest,
      log: {
        info: (m) => log.info(m),
        error: (m, e) => log.error(m, e),
        debug: (m) => log.debug(m),
      },
    });
    if (discordConfig) {
      const discord = createDiscordAdapter(discordConfig);
      if (discord.interactionsListener)
        server.route(DISCORD_INTERACTIONS_PATH, discord.interactionsListener);
      await discord.start();
      stops.push(() => discord.stop());
      posters.discord = discordPoster(discord.client.rest);
      log.info(
        `Discord: up as ${discord.client.user?.tag ?? "the bot"}${discord.interactionsListener ? ` (HTTP interactions at POST ${DISCORD_INTERACTIONS_PATH})` : ""}.`,
      );
    }
    const port = await server.start(config.PORT, config.HOST);
    log.info(`HTTP: listening on ${config.HOST}:${port} (GET /healthz).`);
  } catch (error) {
    await Promise.allSettled([...stops.map((stop) => stop()), server.stop()]);
    throw error;
  }
  return {
    posters,
    async stop() {
      // The server drains first (answers still being written), then the clients disconnect.
      await server.stop();
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}
