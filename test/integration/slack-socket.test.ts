// Socket Mode against a loopback Slack: apps.connections.open on the fake Web API returns
// the URL of a local websocket that greets with "hello" and delivers envelopes.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/slack-api.ts";
import { visibleText } from "./slack-harness.ts";
import { testCommands, tinyThesis } from "./slack-test-commands.ts";

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function startSocketSlack(fake: FakeSlackApi) {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  const sockets: WebSocket[] = [];
  const received: Record<string, unknown>[] = [];
  wss.on("connection", (socket) => {
    sockets.push(socket);
    socket.on("message", (data) => received.push(JSON.parse(String(data))));
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        connection_info: { app_id: "A1" },
        debug_info: { host: "fake", approximate_connection_time: 3600 },
      }),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  fake.handle("apps.connections.open", () => ({ ok: true, url }));
  return {
    sockets,
    received,
    close: async () => {
      for (const socket of sockets) socket.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

describe("Slack in Socket Mode", () => {
  it("connects with the app token and answers a /thesis command sent over the socket", async () => {
    const fake = await startFakeSlackApi();
    cleanup.push(() => fake.close());
    const socket = await startSocketSlack(fake);
    cleanup.push(socket.close);
    const adapter: SlackAdapter = createSlackAdapter({
      botToken: "xoxb-test",
      appToken: "xapp-test",
      apiUrl: fake.apiUrl,
      bot: createBot({ commands: testCommands, thesis: tinyThesis, log: () => {} }),
      log: () => {},
    });
    cleanup.push(() => adapter.stop());
    expect(adapter.mode).toBe("socket");
    await adapter.start();
    expect(fake.callsTo("apps.connections.open")[0]?.token).toBe("xapp-test");

    socket.sockets[0]?.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          team_id: "T1",
          channel_id: "C1",
          user_id: "U1",
          user_name: "ann",
          command: "/thesis",
          text: "ask does distribution win",
          api_app_id: "A1",
          response_url: fake.responseUrl("sock"),
          trigger_id: "1.2.3",
        },
      }),
    );
    const [answer] = await fake.waitForCalls("response_url");
    expect(visibleText(answer?.args ?? {})).toContain("> Open weights spread faster");
    // The envelope was acknowledged over the socket, so Slack will not redeliver it.
    expect(socket.received.some((message) => message.envelope_id === "env-1")).toBe(true);
  });
});
