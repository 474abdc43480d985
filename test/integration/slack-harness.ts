// Starts the real Slack adapter (Bolt App + HTTPReceiver on the shared HTTP server) on
// 127.0.0.1 against the loopback fake of Slack's Web API, and sends it requests signed
// the way Slack signs them (v0:timestamp:body, HMAC-SHA256 with the signing secret).

import { createHmac } from "node:crypto";
import {
  createSlackAdapter,
  SLACK_EVENTS_PATH,
  type SlackAdapter,
  type SlackAdapterConfig,
} from "../../src/adapters/slack/index.ts";
import { type BotServices, createBot } from "../../src/bot/bot.ts";
import { createHttpServer, type HttpServer } from "../../src/server/http.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/slack-api.ts";

export const SIGNING_SECRET = "test-signing-secret";

export interface SlackHarness {
  base: string;
  fake: FakeSlackApi;
  server: HttpServer;
  adapter: SlackAdapter;
  logs: string[];
  /** POSTs a signed body to /slack/events. */
  send(body: string, options?: SendOptions): Promise<Response>;
  slash(text: string, responseId?: string, extra?: Record<string, string>): Promise<Response>;
  /** An event_callback from workspace `teamId` (defaults to T1). */
  event(
    event: Record<string, unknown>,
    eventId: string,
    retryNum?: number,
    teamId?: string,
  ): Promise<Response>;
  interaction(payload: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

export interface SendOptions {
  contentType?: string;
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export function signSlack(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  const mac = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return `v0=${mac}`;
}

export async function startSlackHarness(
  setup: Omit<BotServices, "log"> & {
    shutdownGraceMs?: number;
    /** ADMIN_USERS as the adapter sees it; workspace admins come from the fake's users.info. */
    isAdmin?: (userId: string) => boolean;
    /** Adapter settings beyond the defaults: OAuth, the store, forgetWorkspace. */
    adapter?: Pick<
      SlackAdapterConfig,
      "oauth" | "store" | "forgetWorkspace" | "learnedChannelTeam"
    >;
    /** A fake already running (two replicas talking to one Slack). */
    fake?: FakeSlackApi;
  },
): Promise<SlackHarness> {
  const {
    shutdownGraceMs: _grace,
    isAdmin: _listed,
    adapter: adapterSettings,
    fake: sharedFake,
    ...services
  } = setup;
  const fake = sharedFake ?? (await startFakeSlackApi());
  const logs: string[] = [];
  const log = (message: string, error?: unknown) =>
    logs.push(error ? `${message}: ${String(error)}` : message);
  const server = createHttpServer({ log, shutdownGraceMs: setup.shutdownGraceMs ?? 5000 });
  const adapter = createSlackAdapter({
    ...(adapterSettings?.oauth ? {} : { botToken: "xoxb-test" }),
    ...adapterSettings,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    server,
    bot: createBot({ ...services, log }),
    log,
    ...(setup.shutdownGraceMs ? { shutdownGraceMs: setup.shutdownGraceMs } : {}),
    ...(setup.isAdmin ? { isAdmin: setup.isAdmin } : {}),
  });
  const port = await server.start(0, "127.0.0.1");
  await adapter.start();
  const base = `http://127.0.0.1:${port}`;

  const send = (body: string, options: SendOptions = {}) => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${base}${SLACK_EVENTS_PATH}`, {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": options.signature ?? signSlack(body, timestamp),
        ...options.headers,
      },
      body,
    });
  };

  return {
    base,
    fake,
    server,
    adapter,
    logs,
    send,
    slash(text, responseId = "cmd", extra = {}) {
      const body = new URLSearchParams({
        token: "legacy",
        team_id: "T1",
        team_domain: "fake",
        channel_id: "C1",
        channel_name: "research",
        user_id: "U1",
        user_name: "ann",
        command: "/thesis",
        text,
        api_app_id: "A1",
        response_url: fake.responseUrl(responseId),
        trigger_id: "1.2.3",
        ...extra,
      }).toString();
      return send(body);
    },
    event(event, eventId, retryNum, teamId = "T1") {
      const body = JSON.stringify({
        token: "legacy",
        team_id: teamId,
        api_app_id: "A1",
        type: "event_callback",
        event_id: eventId,
        event_time: 1_700_000_000,
        authorizations: [{ team_id: teamId, user_id: "UBOT", is_bot: true }],
        event,
      });
      return send(body, {
        contentType: "application/json",
        ...(retryNum
          ? {
              headers: { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "timeout" },
            }
          : {}),
      });
    },
    interaction(payload) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return send(body);
    },
    async close() {
      await server.stop();
      await adapter.stop();
      if (!sharedFake) await fake.close();
    },
  };
}

/** Everything a user could read in a recorded call (button values are never shown). */
export function visibleText(args: Record<string, unknown>): string {
  return JSON.stringify({ text: args.text, blocks: args.blocks }, (key, value) =>
    key === "value" ? undefined : value,
  );
}

/** An app_mention asking a question in channel C1 (extra fields override). */
export function mentionEvent(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "app_mention",
    user: "U1",
    text: "<@UBOT> does distribution win?",
    ts: "1700000100.000200",
    channel: "C1",
    event_ts: "1700000100.000200",
    ...extra,
  };
}

/** A click on a button of a private answer in channel C1, as Slack sends it. */
export function clickButton(h: SlackHarness, actionId: string, value: string): Promise<Response> {
  return h.interaction({
    type: "block_actions",
    team: { id: "T1", domain: "fake" },
    user: { id: "U1", username: "ann", name: "ann", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    container: {
      type: "message",
      message_ts: "1700000300.000100",
      channel_id: "C1",
      is_ephemeral: true,
    },
    trigger_id: "1.2.3",
    channel: { id: "C1", name: "research" },
    response_url: h.fake.responseUrl("button"),
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "x" },
        value,
        action_ts: "1700000301.000000",
      },
    ],
  });
}
