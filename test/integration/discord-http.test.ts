// Discord's HTTP interactions endpoint, driven over real HTTP with Ed25519-signed requests;
// the deferred answer arrives at the loopback fake's webhook route through discord.js REST.
import type { KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { fixedThesis, testCommands } from "../fakes/discord-commands.ts";
import {
  autocomplete,
  buttonClick,
  FakeDiscord,
  findSources,
  slashCommand,
} from "../fakes/discord-gateway.ts";
import { FAKE_IDS, type RecordedCall } from "../fakes/discord-rest.ts";
import { type InteractionsServer, serveInteractions } from "./discord-interactions-server.ts";
import { discordKeys, signDiscord } from "./discord-signing.ts";

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let served: InteractionsServer;
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
  served = await serveInteractions(adapter.interactionsListener!);
  url = served.url;
});

afterAll(async () => {
  await adapter?.stop();
  await served?.close();
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
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body recorded by the fake Discord, walked loosely by the assertions
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON body recorded by the fake Discord, walked loosely by the assertions
type Body = Record<string, any>;
const bodyOf = (call: RecordedCall) => call.body as Body;
const isEdit = (token: string) => (c: RecordedCall) =>
  c.method === "PATCH" && c.path.endsWith(`/${token}/messages/%40original`) && c.status === 200;
const postsTo = (channelId: string) =>
  fake.rest.find("POST", new RegExp(`/channels/${channelId}/messages$`));

/** Runs a command over HTTP and returns its answer's buttons, label -> custom_id. */
async function buttonsOf(sub: string, options: Record<string, string | number>) {
  const interaction = slashCommand(sub, options);
  await post(JSON.stringify(interaction));
  const edit = await fake.rest.waitFor(isEdit(interaction.token));
  const buttons = bodyOf(edit).components.flatMap((row: Body) => row.components) as Body[];
  return Object.fromEntries(buttons.map((b) => [b.label as string, b.custom_id as string]));
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
    // biome-ignore lint/suspicious/noExplicitAny: a JSON body recorded by the fake Discord, walked loosely by the assertions
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

  it("Share to channel posts the answer in the channel, as on the gateway", async () => {
    const buttons = await buttonsOf("ask", { question: "share this over http" });
    const click = buttonClick(buttons["Share to channel"]!);
    const { json } = await post(JSON.stringify(click));
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.rest.waitFor(isEdit(click.token));
    expect(bodyOf(edit).content).toBe(`Shared in <#${FAKE_IDS.channel}>.`);
    const shared = postsTo(FAKE_IDS.channel).filter((c) =>
      JSON.stringify(c.body).includes("share this over http"),
    );
    expect(shared).toHaveLength(1);
    expect(bodyOf(shared[0]!).flags).toBeUndefined();
    expect(bodyOf(shared[0]!).allowed_mentions).toEqual({ parse: [] });
    expect(bodyOf(shared[0]!).embeds[0].description).toContain("distribution wins");
  });

  it("Find sources starts a thread on the message and posts the passages there", async () => {
    const { interaction, target } = findSources("Does distribution beat export controls?");
    const { json } = await post(JSON.stringify(interaction));
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    expect(bodyOf(edit).content).toMatch(/^Posted 1 passage in <#\d+>\.$/);
    const [thread] = fake.rest.find("POST", new RegExp(`/messages/${target.id}/threads$`));
    expect(bodyOf(thread!).name).toBe("Sources: Does distribution beat export controls?");
    const threadId = /<#(\d+)>/.exec(bodyOf(edit).content)![1]!;
    const [lead, passage, ...more] = postsTo(threadId);
    expect(more).toHaveLength(0);
    expect(bodyOf(lead!).embeds[0].description).toContain("About: Does distribution beat");
    expect(bodyOf(passage!).embeds[0].title).toContain("China's open-weight push");
    expect(bodyOf(passage!).embeds[0].footer.text).toContain("lines 12–14");
  });

  it("Quote in thread on a public message starts the thread on that message", async () => {
    const buttons = await buttonsOf("ask", { question: "quote this public answer" });
    const publicMessage = 0;
    const click = buttonClick(buttons["Quote in thread"]!, publicMessage);
    const before = postsTo(FAKE_IDS.channel).length;
    await post(JSON.stringify(click));
    const edit = await fake.rest.waitFor(isEdit(click.token));
    const threadId = /<#(\d+)>/.exec(bodyOf(edit).content)?.[1];
    expect(threadId).toBeDefined();
    const messageId = click.message.id;
    expect(fake.rest.find("POST", new RegExp(`/messages/${messageId}/threads$`))).toHaveLength(1);
    expect(postsTo(FAKE_IDS.channel)).toHaveLength(before); // nothing reposted
    expect(postsTo(threadId!).map((c) => bodyOf(c).embeds[0].description)).toEqual([
      "Open weights travel faster than any export control; distribution wins.",
    ]);
  });

  it("pages with a deferred update of the clicked message (type 6)", async () => {
    const buttons = await buttonsOf("bullbear", { topic: "tao", limit: 50 });
    const click = buttonClick(buttons.Next!, 0);
    const { json } = await post(JSON.stringify(click));
    expect(json).toEqual({ type: 6 });
    const edit = await fake.rest.waitFor(isEdit(click.token));
    expect(bodyOf(edit).embeds.at(-1).footer.text).toMatch(/^Page 2 of \d+$/);
  });
});
