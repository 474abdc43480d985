// The whole process: config -> ledger -> service -> store -> console or chat adapters ->
// digest scheduler, until end of input (console) or SIGTERM/SIGINT. Returns the exit code.
import type { Readable, Writable } from "node:stream";
import { thesisCommands } from "../../commands/index.ts";
import type { Platform } from "../../commands/types.ts";
import { createConsoleAdapter } from "../adapters/console/index.ts";
import { createBot } from "../bot/bot.ts";
import type { ChatAdapter } from "../bot/chat-adapter.ts";
import { welcomesIn } from "../bot/welcome.ts";
import { workspaceSettings } from "../bot/workspace-settings.ts";
import { type Config, loadConfig } from "../config.ts";
import { type ChatFor, chatPoster } from "../digest/chat-poster.ts";
import {
  createDigestSubscriptions,
  type DigestScheduler,
  digestCommandsFrom,
  digestComposer,
  startDigestScheduler,
} from "../digest/index.ts";
import { createStoreFeedback } from "../feedback/store-feedback.ts";
import { degradedNotice } from "../lib/degraded.ts";
import type { HttpServer } from "../server/http.ts";
import { answerTurns } from "../server/turns.ts";
import { createRateLimiter, createStore, type Store } from "../store/index.ts";
import { shownUrl } from "../store/redis-connection.ts";
import { channelTeamRecorder } from "./channel-team.ts";
import { hasChatTokens, openHttp, startChat } from "./chat.ts";
import { workspaceForgetter } from "./forget-workspace.ts";
import { type AppLog, createAppLog } from "./log.ts";
import { countedModel, countedPoster } from "./metered.ts";
import { createAppMetrics } from "./metrics.ts";
import { openThesis } from "./open-thesis.ts";
import { checkDataDir } from "./paths.ts";
import { type ProgressDisplay, progressDisplay } from "./progress-display.ts";
import { createReadiness } from "./readiness.ts";
import { installSafetyNet } from "./safety-net.ts";
import { type StartedSources, startSources } from "./sources.ts";
import { type DescribedError, describeError } from "./startup-error.ts";

export interface AppIo {
  env: Record<string, string | undefined>;
  stdin: Readable;
  stdout: Writable;
  /** Log lines (stderr). */
  stderr: (text: string) => void;
  /** Calls `handler` on SIGTERM/SIGINT; returns a function that removes it. */
  onSignal: (handler: (signal: string) => void) => () => void;
  /** "serve" never opens the console (`thesis-bot serve`); default "auto". */
  mode?: "auto" | "serve";
  /** Already parsed (the CLI parses it first); otherwise read from env. */
  config?: Config;
  /** Where the console shows long indexing (a bar on a terminal); none when absent. */
  progress?: ProgressDisplay;
  /** Told about a start-up failure that was logged as one sentence (the CLI's --json). */
  onStartupFailure?: (failure: DescribedError) => void;
}

export function processIo(): AppIo {
  return {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: (text) => process.stderr.write(text),
    progress: progressDisplay(process.stderr),
    onSignal(handler) {
      const listener = (signal: NodeJS.Signals) => handler(signal);
      process.on("SIGTERM", listener);
      process.on("SIGINT", listener);
      return () => {
        process.off("SIGTERM", listener);
        process.off("SIGINT", listener);
      };
    },
  };
}

export async function runApp(io: AppIo): Promise<number> {
  let log: AppLog = createAppLog("info", io.stderr);
  let store: Store | undefined;
  let scheduler: DigestScheduler | undefined;
  let closeModel: (() => Promise<void>) | undefined;
  let removeSafetyNet: (() => void) | undefined;
  let sources: StartedSources | undefined;
  let server: HttpServer | undefined;
  try {
    const config: Config = io.config ?? loadConfig(io.env);
    // Serving chat, lines go to a log pipeline (JSON); at the console, to a person (text).
    const serving = io.mode === "serve" || hasChatTokens(config);
    log = createAppLog(
      config.LOG_LEVEL,
      io.stderr,
      config.LOG_FORMAT ?? (serving ? "json" : "text"),
    );
    // Metrics are served on the chat HTTP server; the console has none.
    const metrics = serving ? createAppMetrics(log) : undefined;
    if (io.mode === "serve" && !hasChatTokens(config)) {
      log.error(
        "Nothing to serve: set DISCORD_TOKEN, SLACK_BOT_TOKEN or SLACK_CLIENT_ID (see .env.example).",
      );
      return 1;
    }
    // The store first: an unreachable Redis or a broken SQLite file is said within seconds,
    // before the ledger (which may take a while to build) is opened.
    await checkDataDir(config.DATA_DIR);
    store = await createStore({
      dataDir: config.DATA_DIR,
      ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}),
    });
    const readiness = createReadiness(store);
    // Serving, the HTTP server listens before the index loads (which can take minutes on a
    // big corpus): /healthz says the process is alive, /readyz answers 503 until the index is
    // loaded and the adapters are up, and the chat paths answer 503 "starting" meanwhile.
    if (serving && metrics) {
      server = await openHttp(config, { log, metrics, ready: () => readiness.check() });
    }
    // At the console, long indexing shows a progress bar; serving, the log says it in one line.
    const progress = serving ? undefined : io.progress;
    const opened = await openThesis(config, log, {
      ...(metrics ? { onDroppedQuote: () => metrics.quoteDropped() } : {}),
      ...(progress ? { progress: progress.stage } : {}),
    });
    closeModel = opened.close;
    const { thesis } = opened;
    sources = await startSources(config, opened, store, log);
    progress?.stop();
    // With a model configured, /thesis ask words its lead from the quoted passages; in chat,
    // each user and channel gets a budget of commands (shared across replicas via the store).
    const limiter = createRateLimiter(store, {
      perUser: config.RATE_LIMIT_PER_USER,
      perChannel: config.RATE_LIMIT_PER_CHANNEL,
    });
    const limiterHealth = degradedNotice(
      log,
      "Rate limits",
      "commands are answered without limits",
    );
    log.info(
      `Store: ${store.backend === "redis" ? `Redis at ${shownUrl(config.REDIS_URL ?? "")}` : `SQLite in ${config.DATA_DIR}`}.`,
    );
    const subscriptions = createDigestSubscriptions(store, {
      onChange: () => scheduler?.refresh(),
    });
    const compose = digestComposer(thesis, store);
    const digest = digestCommandsFrom(subscriptions, compose);
    const bot = createBot({
      commands: thesisCommands,
      thesis,
      digest,
      ...(opened.modelAnswers ? { model: countedModel(opened.modelAnswers, metrics) } : {}),
      ...(metrics ? { metrics } : {}),
      feedback: createStoreFeedback(store),
      limiter,
      limiterHealth,
      sources: sources.manager,
      settings: workspaceSettings(store.settings),
      welcomes: welcomesIn(store.atomic),
      turn: () => answerTurns.next(),
      log: (message, error) => log.error(message, error),
    });
    const startScheduler = (chats: Partial<Record<Platform, ChatAdapter | ChatFor>>) => {
      const posters = Object.fromEntries(
        Object.entries(chats).map(([platform, chat]) => [
          platform,
          countedPoster(chatPoster(chat), platform, metrics),
        ]),
      );
      scheduler = startDigestScheduler({ store: store as Store, compose, posters, log });
    };

    if (io.mode !== "serve" && !hasChatTokens(config)) {
      const console = createConsoleAdapter({
        bot,
        input: io.stdin,
        output: io.stdout,
        log: (message, error) => log.error(message, error),
      });
      // A scripted session answers its input and ends; only a person at a terminal gets posts.
      if ((io.stdin as { isTTY?: boolean }).isTTY) startScheduler({ console: console.chat });
      const unsubscribe = io.onSignal(() => console.stop());
      await console.run();
      unsubscribe();
    } else {
      removeSafetyNet = installSafetyNet(log);
      const chat = await startChat(
        config,
        server ??
          (await openHttp(config, {
            log,
            metrics: createAppMetrics(log),
            ready: () => readiness.check(),
          })),
        {
          bot,
          log,
          store,
          forgetWorkspace: workspaceForgetter(store, subscriptions),
          learnedChannelTeam: channelTeamRecorder(store.subscriptions),
        },
      );
      readiness.indexLoaded();
      startScheduler(chat.chats);
      const signal = await new Promise<string>((resolve) => {
        const unsubscribe = io.onSignal((name) => {
          unsubscribe();
          resolve(name);
        });
      });
      log.info(`${signal}: shutting down.`);
      scheduler?.stop();
      await chat.stop();
      log.info("Stopped.");
    }
    return 0;
  } catch (error) {
    const failure = describeError(error);
    if (failure === null) throw error;
    log.error(`thesis-bot could not start. ${failure.message}`);
    io.onStartupFailure?.(failure);
    return 1;
  } finally {
    // Already stopped by chat.stop() once serving; here for a start-up that failed midway.
    await server?.stop();
    io.progress?.stop();
    removeSafetyNet?.();
    sources?.close();
    scheduler?.stop();
    await scheduler?.idle();
    await store?.close();
    await closeModel?.();
  }
}
