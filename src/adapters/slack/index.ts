// The Slack adapter: a real Bolt App that turns slash commands, mentions, the "Find
// sources" shortcut and button clicks into /thesis runs, and Replies into Block Kit.
//
// HTTP mode mounts our own receiver (edge.ts: verified, zod-checked, acknowledged at once)
// at POST /slack/events on the process's shared HTTP server (src/server/http.ts) instead
// of letting Bolt open a port of its own: one port serves Slack, Discord interactions and /healthz, and one shutdown
// path drains everything. Socket Mode (SLACK_APP_TOKEN) needs no public URL at all.
//
// Tokens: SLACK_BOT_TOKEN serves one workspace. With SLACK_CLIENT_ID (OAuth, oauth.ts) each
// workspace installs the app and its own bot token is kept in the store; Bolt's `authorize`
// finds it for every request, so each listener's `client` speaks for the request's workspace,
// and chatFor() finds it for the digest from the channel's recorded workspace.
import { App, type Logger, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { InstallationStore } from "@slack/oauth";
import type { Bot } from "../../bot/bot.ts";
import type { ChatAdapter } from "../../bot/chat-adapter.ts";
import type { Config } from "../../config.ts";
import type { HttpServer } from "../../server/http.ts";
import { InFlight } from "../../server/in-flight.ts";
import type { ChannelRef, Store } from "../../store/index.ts";
import { registerButtons } from "./buttons.ts";
import { createSlackChat } from "./chat.ts";
import { type ClientFor, installedClients, singleTokenClients } from "./clients.ts";
import { registerSlashCommand } from "./command.ts";
import { RecentIds, storedEventIds } from "./dedupe.ts";
import type { SlackClient, SlackDeps, SlackLog } from "./deps.ts";
import { createSlackEdge } from "./edge.ts";
import { registerAppHome } from "./home.ts";
import { storeInstallations } from "./installations.ts";
import { registerMention } from "./mention.ts";
import { installSafetyMiddleware } from "./middleware.ts";
import { createInstaller, mountOAuthRoutes, type SlackOAuthConfig } from "./oauth.ts";
import { registerPasteForm } from "./paste.ts";
import { registerFindSources } from "./shortcut.ts";
import { registerUninstall } from "./uninstall.ts";
import { registerWelcome } from "./welcome.ts";
import { createWorkspaceAdminCheck } from "./workspace-admins.ts";

export const SLACK_EVENTS_PATH = "/slack/events";
export { SLACK_INSTALL_PATH, SLACK_REDIRECT_PATH } from "./oauth.ts";

export interface SlackAdapterConfig {
  /** SLACK_BOT_TOKEN (xoxb-…): one workspace. Either this or `oauth`. */
  botToken?: string;
  /** SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: many workspaces, via OAuth. */
  oauth?: SlackOAuthConfig;
  /**
   * The store: installations (needed with `oauth`) and redelivered event ids, shared by
   * replicas. Without it, event ids are remembered in this process only.
   */
  store?: Pick<Store, "installations" | "atomic">;
  /** Removes a workspace's data once it uninstalls the app. Defaults to removing nothing. */
  forgetWorkspace?: (teamId: string) => Promise<void>;
  /**
   * OAuth: told the team of a channel that had none on record (a digest subscribed before
   * OAuth), once the installation that can see the channel is found, so it can be recorded.
   */
  learnedChannelTeam?: (channelId: string, teamId: string) => Promise<void>;
  /** SLACK_SIGNING_SECRET: HTTP mode, requests verified with it. */
  signingSecret?: string;
  /** SLACK_APP_TOKEN (xapp-…): Socket Mode; takes precedence over HTTP mode. */
  appToken?: string;
  /** SLACK_API_URL: Web API base (proxies, tests), e.g. "http://127.0.0.1:4000/api/". */
  apiUrl?: string;
  /** HTTP mode: the shared server POST /slack/events is mounted on. */
  server?: HttpServer;
  bot: Bot;
  /**
   * ADMIN_USERS: may change settings (digest on/off). Workspace admins and owners may too,
   * checked with users.info; without this list only they may.
   */
  isAdmin?: (userId: string) => boolean;
  log: SlackLog;
  /** Routine refusals at the edge (malformed or unsigned requests); default: dropped. */
  debug?: (message: string) => void;
  /** How long stop() waits for answers still being written. */
  shutdownGraceMs?: number;
}

export interface SlackAdapter {
  readonly mode: "http" | "socket";
  readonly app: App;
  /**
   * Slack as the bot sees it in a channel's workspace: posts, threads, admins (the digest
   * posts through it). Rejects when the workspace has no installation (OAuth).
   */
  chatFor(channel: Partial<Pick<ChannelRef, "guildOrTeamId" | "channelId">>): Promise<ChatAdapter>;
  /** Verifies the token (auth.test); in Socket Mode also opens the connection. */
  start(): Promise<void>;
  /** Resolves once in-flight answers are posted (capped by shutdownGraceMs). */
  drain(): Promise<void>;
  /** drain(), then closes the Socket Mode connection. Safe to call twice. */
  stop(): Promise<void>;
}

export class SlackSetupError extends Error {
  override name = "SlackSetupError";
}

export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  const mode = config.appToken ? "socket" : "http";
  if (mode === "http" && !config.signingSecret) {
    throw new SlackSetupError(
      "Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).",
    );
  }
  if (mode === "http" && !config.server) {
    throw new SlackSetupError(
      "Slack HTTP mode needs the shared HTTP server to mount POST /slack/events on.",
    );
  }
  if (Boolean(config.botToken) === Boolean(config.oauth)) {
    throw new SlackSetupError(
      "Slack needs either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (many workspaces), not both.",
    );
  }
  if (config.oauth && !(config.store && config.server)) {
    throw new SlackSetupError(
      "Slack OAuth needs the store (for installations) and the shared HTTP server (for /slack/install).",
    );
  }
  const logger = boltLogger(config.log);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const installations: InstallationStore | undefined =
    config.oauth && config.store ? storeInstallations(config.store.installations) : undefined;
  const installer =
    config.oauth && installations
      ? createInstaller(config.oauth, installations, clientOptions, logger)
      : undefined;
  const work = new InFlight();
  const edge =
    mode === "http"
      ? createSlackEdge({
          signingSecret: config.signingSecret ?? "",
          debug: config.debug ?? (() => {}),
          log: config.log,
          track: (processing) => void work.track(processing),
        })
      : undefined;
  const receiver =
    edge?.receiver ??
    new SocketModeReceiver({
      appToken: config.appToken ?? "",
      logger,
      // Only way to point Socket Mode's apps.connections.open at SLACK_API_URL.
      installerOptions: { clientOptions },
    });
  const app = new App({
    ...(installer
      ? { authorize: (source) => installer.authorize(source) }
      : { token: config.botToken }),
    receiver,
    logger,
    clientOptions,
    // auth.test runs in start(), where a bad token can fail with a clear message,
    // not inside a constructor.
    deferInitialization: true,
    tokenVerificationEnabled: true,
    // Bolt's default conversation store looks every request's channel up in memory and
    // builds an Error with a stack trace when it is not there (always, for us): work done
    // before every acknowledgement for a feature the bot does not use.
    convoStore: false,
  });

  const isAdmin = createWorkspaceAdminCheck({
    listed: config.isAdmin ?? (() => false),
    log: config.log,
  });
  const chatWith = (client: SlackClient) => createSlackChat(client, isAdmin);
  const clientFor: ClientFor = installer
    ? installedClients(
        installer,
        clientOptions,
        config.store?.installations ?? { list: async () => [] },
        config.learnedChannelTeam,
      )
    : singleTokenClients(app.client);
  const deps: SlackDeps = { bot: config.bot, chatWith, log: config.log, work };
  installSafetyMiddleware(
    app,
    config.log,
    config.store ? storedEventIds(config.store.atomic) : new RecentIds(),
  );
  registerSlashCommand(app, deps);
  registerMention(app, deps);
  registerFindSources(app, deps);
  registerButtons(app, deps);
  registerUninstall(app, {
    ...(installations ? { installations } : {}),
    forgetWorkspace: config.forgetWorkspace ?? (async () => {}),
    log: config.log,
  });
  registerWelcome(app, deps);
  registerAppHome(app, deps);
  registerPasteForm(app, deps);
  app.error(async (error) => config.log("Slack app error", error));

  if (installer && config.server) mountOAuthRoutes(config.server, installer, config.log);
  if (edge) {
    // Bolt never sees a request the edge has not read, verified, checked and acknowledged.
    config.server?.route(SLACK_EVENTS_PATH, edge.listener);
    config.server?.onShutdown(() => drain());
  }

  const graceMs = config.shutdownGraceMs ?? 10_000;
  let started = false;
  let stopped: Promise<void> | undefined;
  const drain = () =>
    Promise.race([
      work.idle(),
      new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);

  return {
    mode,
    app,
    chatFor: async (channel) =>
      chatWith(await clientFor({ teamId: channel.guildOrTeamId, channelId: channel.channelId })),
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new SlackSetupError(
          `Slack rejected SLACK_BOT_TOKEN (auth.test failed: ${describe(error)}): check the bot token and SLACK_API_URL.`,
        );
      }
      if (mode === "socket") await app.start();
      started = true;
    },
    drain,
    stop() {
      stopped ??= (async () => {
        await drain();
        if (mode === "socket" && started) await app.stop();
      })();
      return stopped;
    },
  };
}

/** Bolt talks a lot at info level; only warnings and errors are worth our log. */
function boltLogger(log: SlackLog): Logger {
  let level = LogLevel.WARN;
  return {
    debug() {},
    info() {},
    warn: (...message: unknown[]) => log(`Slack: ${message.map(String).join(" ")}`),
    error: (...message: unknown[]) => log(`Slack error: ${message.map(String).join(" ")}`),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}

function describe(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === "string") return data.error;
  return error instanceof Error ? error.message : String(error);
}

/** Builds the adapter config from the environment; undefined when Slack is not configured. */
export function slackConfigFromEnv(
  env: Config,
  deps: Omit<SlackAdapterConfig, "botToken" | "oauth" | "signingSecret" | "appToken" | "apiUrl">,
): SlackAdapterConfig | undefined {
  const oauth = slackOAuthFromEnv(env);
  if (!env.SLACK_BOT_TOKEN && !oauth) return undefined;
  return {
    ...deps,
    ...(env.SLACK_BOT_TOKEN ? { botToken: env.SLACK_BOT_TOKEN } : {}),
    ...(oauth ? { oauth } : {}),
    ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
    ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    isAdmin: deps.isAdmin ?? ((userId) => env.ADMIN_USERS.includes(userId)),
  };
}

function slackOAuthFromEnv(env: Config): SlackOAuthConfig | undefined {
  if (!env.SLACK_CLIENT_ID || !env.SLACK_CLIENT_SECRET || !env.SLACK_STATE_SECRET) return undefined;
  return {
    clientId: env.SLACK_CLIENT_ID,
    clientSecret: env.SLACK_CLIENT_SECRET,
    stateSecret: env.SLACK_STATE_SECRET,
    ...(env.SLACK_REDIRECT_URL ? { redirectUri: env.SLACK_REDIRECT_URL } : {}),
  };
}
