// The request edge as `serve` runs it: one shared HTTP server (src/server/http.ts) with the
// real Slack adapter (Bolt behind the edge check) at POST /slack/events and the real Discord
// HTTP interactions listener at POST /discord/interactions, talking to the loopback fakes of
// Slack's Web API and Discord's REST API. Sends validly signed requests of any shape, and
// counts what must never happen: unhandled rejections, uncaught exceptions, 5xx answers and
// requests left without an answer.

import {
  createDiscordAdapter,
  DISCORD_INTERACTIONS_PATH,
  type DiscordAdapter,
} from "../../src/adapters/discord/index.ts";
import {
  createSlackAdapter,
  SLACK_EVENTS_PATH,
  type SlackAdapter,
} from "../../src/adapters/slack/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { createHttpServer, type HttpServer } from "../../src/server/http.ts";
import { testCommands as discordCommands, fixedThesis } from "../fakes/discord-commands.ts";
import { autocomplete, FakeDiscord } from "../fakes/discord-gateway.ts";
import { FAKE_IDS } from "../fakes/discord-rest.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/slack-api.ts";
import { discordKeys, signDiscord } from "./discord-signing.ts";
import { SIGNING_SECRET, signSlack } from "./slack-harness.ts";
import { testCommands as slackCommands, tinyThesis } from "./slack-test-commands.ts";

/** Longer than any ack may take; a request still unanswered after this counts as lost. */
const ANSWER_TIMEOUT_MS = 5000;

export interface EdgeAnswer {
  status: number;
  text: string;
  headers: Headers;
}

export interface EdgeRig {
  base: string;
  slackApi: FakeSlackApi;
  discordApi: FakeDiscord;
  /** Error-level log lines (listener failures, Slack app errors). */
  errors: string[];
  /** Debug-level lines: why the edge refused a request. */
  debug: string[];
  /** Process-level failures seen while the rig ran. */
  crashes: unknown[];
  /** POSTs `body` to /slack/events, signed unless told otherwise. */
  slack(body: string, options?: SlackSendOptions): Promise<EdgeAnswer>;
  /** POSTs `body` to /discord/interactions, Ed25519-signed. */
  discord(body: string, options?: { timestamp?: number }): Promise<EdgeAnswer>;
  request(path: string, init?: RequestInit): Promise<EdgeAnswer>;
  /** A normal /thesis ask over Slack: acked with 200 and answered at its response_url. */
  slackStillAnswers(): Promise<void>;
  /** A normal Discord PING and autocomplete: answered as Discord expects. */
  discordStillAnswers(): Promise<void>;
  close(): Promise<void>;
}

export interface SlackSendOptions {
  contentType?: string;
  timestamp?: number;
  signed?: boolean;
}

export const FORM = "application/x-www-form-urlencoded";

export async function startEdgeRig(): Promise<EdgeRig> {
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  process.on("unhandledRejection", onCrash);
  process.on("uncaughtException", onCrash);

  const errors: string[] = [];
  const debug: string[] = [];
  const log = (message: string, error?: unknown) =>
    error === undefined ? undefined : errors.push(`${message}: ${String(error)}`);
  const slackApi = await startFakeSlackApi();
  const discordApi = await FakeDiscord.start();
  const keys = discordKeys();
  const server: HttpServer = createHttpServer({ log: (m, e) => errors.push(`${m}: ${String(e)}`) });
  const slackAdapter: SlackAdapter = createSlackAdapter({
    botToken: "xoxb-test",
    signingSecret: SIGNING_SECRET,
    apiUrl: slackApi.apiUrl,
    server,
    bot: createBot({ commands: slackCommands, thesis: tinyThesis, log }),
    log,
    debug: (message) => debug.push(message),
  });
  const discordAdapter: DiscordAdapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: FAKE_IDS.application,
    apiUrl: discordApi.apiUrl,
    publicKey: keys.publicKeyHex,
    bot: createBot({ commands: discordCommands, thesis: fixedThesis(), log }),
    log: {
      info: () => {},
      error: (message, error) => errors.push(`${message}: ${String(error)}`),
      debug: (message) => debug.push(message),
    },
  });
  server.route(DISCORD_INTERACTIONS_PATH, discordAdapter.interactionsListener!);
  const port = await server.start(0, "127.0.0.1");
  await slackAdapter.start();
  const base = `http://127.0.0.1:${port}`;

  const request = async (path: string, init: RequestInit = {}): Promise<EdgeAnswer> => {
    const response = await fetch(`${base}${path}`, {
      ...init,
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  let probes = 0;

  const rig: EdgeRig = {
    base,
    slackApi,
    discordApi,
    errors,
    debug,
    crashes,
    request,
    slack(body, options = {}) {
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      const signature: Record<string, string> =
        options.signed === false ? {} : { "x-slack-signature": signSlack(body, timestamp) };
      return request(SLACK_EVENTS_PATH, {
        method: "POST",
        headers: {
          "content-type": options.contentType ?? FORM,
          "x-slack-request-timestamp": String(timestamp),
          ...signature,
        },
        body,
      });
    },
    discord(body, options = {}) {
      return request(DISCORD_INTERACTIONS_PATH, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...signDiscord(body, keys.privateKey, options.timestamp),
        },
        body,
      });
    },
    async slackStillAnswers() {
      const id = `probe${++probes}`;
      const body = new URLSearchParams({
        command: "/thesis",
        text: "ask does distribution win",
        user_id: "U1",
        user_name: "ann",
        channel_id: "C1",
        team_id: "T1",
        response_url: slackApi.responseUrl(id),
      }).toString();
      const answer = await rig.slack(body);
      if (answer.status !== 200) throw new Error(`a valid slash command got ${answer.status}`);
      const answered = await waitUntil(() =>
        slackApi.callsTo("response_url").some((call) => call.responseId === id),
      );
      if (!answered) throw new Error("a valid slash command was acked but never answered");
    },
    async discordStillAnswers() {
      const ping = await rig.discord(JSON.stringify({ type: 1, id: "1", application_id: "2" }));
      if (ping.status !== 200 || ping.text !== '{"type":1}')
        throw new Error(`a valid PING got ${ping.status} ${ping.text}`);
      const typed = await rig.discord(JSON.stringify(autocomplete("bullbear", "topic", "tao")));
      if (typed.status !== 200 || !typed.text.includes('"value":"tao"'))
        throw new Error(`a valid autocomplete got ${typed.status} ${typed.text}`);
    },
    async close() {
      await server.stop();
      await slackAdapter.stop();
      await discordAdapter.stop();
      await slackApi.close();
      await discordApi.close();
      process.off("unhandledRejection", onCrash);
      process.off("uncaughtException", onCrash);
    },
  };
  return rig;
}

async function waitUntil(test: () => boolean, timeoutMs = ANSWER_TIMEOUT_MS): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
