// Discord's HTTP interactions endpoint, driven over real HTTP with Ed25519-signed requests;
// the deferred answer arrives at the loopback fake's webhook route through discord.js REST.
import type { KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { fixedThesis, testCommands } from "../fakes/discord-commands.ts";
import { autocomplete, FakeDiscord, slashCommand } from "../fakes/discord-gateway.ts";
import { FAKE_IDS } from "../fakes/discord-rest.ts";
import { discordKeys, signDiscord } from "./discord-signing.ts";

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let server: Server;
let url: string;
const keys = discordKeys();
const otherKeys = discordKeys();

beforeAll(async () => {
  fake = await FakeDiscord.start();
  adapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: FAKE_IDS.application,
    apiUrl: fake.apiUrl,
    publicKey: keys.publicKeyHex,
    bot: createBot({ commands: testCommands, thesis: fixedThesis(), log: () => {} }),
    log: { info: () => {}, error: () => {} },
  });
  server = createServer(adapter.interactionsListener!);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
});

afterAll(async () => {
  await adapter?.stop();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await fake?.close();
});

async function post(
  body: string,
  options: { key?: KeyObject; timestamp?: number; headers?: boolean } = {},
) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...(options.headers === false
      ? {}
      : signDiscord(body, options.key ?? keys.privateKey, options.timestamp)),
  };
  const response = await fetch(url, { method: "POST", body, headers });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

describe("Discord HTTP interactions endpoint", () => {
  it("answers a signed PING with PONG", async () => {
    const { status, json } = await post(JSON.stringify({ type: 1, id: "1", application_id: "2" }));
    expect(status).toBe(200);
    expect(json).toEqual({ type: 1 });
  });

  it("defers a signed /thesis ask, then edits in the cited answer through the webhook", async () => {
    const interaction = slashCommand("ask", { question: "why does distribution win" });
    const { status, json } = await post(JSON.stringify(interaction));
    expect(status).toBe(200);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.rest.waitFor(
      (c) => c.method === "PATCH" && c.path.endsWith(`/${interaction.token}/messages/%40original`),
    );
    const body = edit.body as Record<string, any>;
    expect(body.embeds[0].description).toMatch(/^-# .* · lines 12–14$/m);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers autocomplete inline with topic choices", async () => {
    const { json } = await post(JSON.stringify(autocomplete("bullbear", "topic", "tao")));
    expect(json).toEqual({
      type: 8,
      data: { choices: [{ name: "Bittensor / TAO (99 claims)", value: "tao" }] },
    });
  });

  it("refuses a request signed with another key", async () => {
    const { status } = await post(JSON.stringify({ type: 1 }), { key: otherKeys.privateKey });
    expect(status).toBe(401);
  });

  it("refuses a correctly signed but stale request (replay)", async () => {
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const { status } = await post(JSON.stringify({ type: 1 }), { timestamp: tenMinutesAgo });
    expect(status).toBe(401);
  });

  it("refuses unsigned requests and rejects a signed body that is not an interaction", async () => {
    expect((await post(JSON.stringify({ type: 1 }), { headers: false })).status).toBe(401);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: "world" }))).status).toBe(400);
  });
});
