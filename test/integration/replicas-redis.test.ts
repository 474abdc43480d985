// Two replicas of the bot in one test process, sharing the real Redis (REDIS_URL) as they
// would in production: a Slack event retried to the other replica is answered once, and a
// Discord button whose long command text one replica rendered works when pressed on the other.
import { randomUUID } from "node:crypto";
import { createClient } from "@keyv/redis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { testCommands as discordCommands, fixedThesis } from "../fakes/discord-commands.ts";
import { buttonClick, FakeDiscord, slashCommand } from "../fakes/discord-gateway.ts";
import { FAKE_IDS, type RecordedCall } from "../fakes/discord-rest.ts";
import { startFakeSlackApi } from "../fakes/slack-api.ts";
import { type InteractionsServer, serveInteractions } from "./discord-interactions-server.ts";
import { discordKeys, signDiscord } from "./discord-signing.ts";
import { mentionEvent, type SlackHarness, startSlackHarness } from "./slack-harness.ts";
import { testCommands, tinyThesis } from "./slack-test-commands.ts";

const redisUrl = process.env.REDIS_URL;
const keyPrefix = `thesis-replicas-${randomUUID()}`;
const stores: Store[] = [];
/** One replica's own connection to the shared Redis. */
const replicaStore = async () => {
  const store = await createStore({ dataDir: "unused", redisUrl, keyPrefix });
  stores.push(store);
  return store;
};

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  if (!redisUrl) return;
  const raw = createClient({ url: redisUrl });
  await raw.connect();
  const keys = await raw.keys(`${keyPrefix}*`);
  if (keys.length > 0) await raw.del(keys);
  await raw.close();
});

describe.skipIf(!redisUrl)("two replicas on Redis: Slack redeliveries (needs REDIS_URL)", () => {
  const replicas: SlackHarness[] = [];
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((replica) => replica.close()));
  });

  it("answers an event once, whichever replica Slack's retry reaches, even at the same time", async () => {
    const fake = await startFakeSlackApi();
    try {
      for (let i = 0; i < 2; i++) {
        replicas.push(
          await startSlackHarness({
            commands: testCommands,
            thesis: tinyThesis,
            fake,
            adapter: { store: await replicaStore() },
          }),
        );
      }
      const [a, b] = replicas as [SlackHarness, SlackHarness];
      const mention = mentionEvent();
      await a.event(mention, "EvShared");
      await fake.waitForCalls("chat.postMessage");
      expect((await b.event(mention, "EvShared", 1)).status).toBe(200);
      // Both at once: the one atomic claim in Redis decides.
      await Promise.all([a.event(mention, "EvRace"), b.event(mention, "EvRace", 1)]);
      await fake.waitForCalls("chat.postMessage", 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
      expect([...a.logs, ...b.logs].filter((line) => line.includes("skipped redelivery"))).toEqual([
        "Slack: skipped redelivery of EvShared (retry 1)",
        expect.stringMatching(/^Slack: skipped redelivery of EvRace/),
      ]);
    } finally {
      await Promise.all(replicas.splice(0).map((replica) => replica.close()));
      await fake.close();
    }
  });
});

describe.skipIf(!redisUrl)("two replicas on Redis: Discord buttons (needs REDIS_URL)", () => {
  let fake: FakeDiscord | undefined;
  const running: { adapter: DiscordAdapter; served: InteractionsServer }[] = [];
  afterAll(async () => {
    for (const { adapter, served } of running) {
      await adapter.stop();
      await served.close();
    }
    await fake?.close();
  });

  const keys = discordKeys();
  async function replica(): Promise<string> {
    fake ??= await FakeDiscord.start();
    const adapter = createDiscordAdapter({
      token: "fake-token",
      applicationId: FAKE_IDS.application,
      apiUrl: fake.apiUrl,
      publicKey: keys.publicKeyHex,
      bot: createBot({ commands: discordCommands, thesis: fixedThesis(), log: () => {} }),
      log: { info: () => {}, error: () => {} },
      sharedState: (await replicaStore()).atomic,
    });
    const served = await serveInteractions(adapter.interactionsListener!);
    running.push({ adapter, served });
    return served.url;
  }
  const send = (url: string, interaction: unknown) => {
    const body = JSON.stringify(interaction);
    return fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...signDiscord(body, keys.privateKey) },
    });
  };
  type Button = { label: string; custom_id: string };
  type Message = { content?: string; components: { components: Button[] }[] };
  const body = (call: RecordedCall) => call.body as Message;
  const editOf = (token: string) =>
    fake!.rest.waitFor(
      (c) =>
        c.method === "PATCH" &&
        c.path.endsWith(`/${token}/messages/%40original`) &&
        c.status === 200,
    );

  it("runs a long button's command on the replica that did not render it", async () => {
    const [first, second] = [await replica(), await replica()];
    const question = `share this long question ${"about distribution ".repeat(6)}`.trim();
    const asked = slashCommand("ask", { question });
    await send(first, asked);
    const answer = await editOf(asked.token);
    const buttons = body(answer).components.flatMap((row) => row.components);
    const share = buttons.find((b) => b.label === "Share to channel")?.custom_id ?? "";
    expect(share).toMatch(/^th\|share\|0\|#/); // too long to ride inline

    const click = buttonClick(share);
    await send(second, click);
    const told = await editOf(click.token);
    expect(body(told).content).toBe(`Shared in <#${FAKE_IDS.channel}>.`);
    const shared = fake!.rest
      .find("POST", new RegExp(`/channels/${FAKE_IDS.channel}/messages$`))
      .filter((c) => JSON.stringify(c.body).includes("share this long question"));
    expect(shared).toHaveLength(1);
  });
});
