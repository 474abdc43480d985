// Discord feeling native, through the real discord.js Client against the loopback fake and
// the real commands over the seeds: a mention replying to the bot's answer, or in a thread
// it answered in, is read as a follow-up; one welcome when the bot joins a server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import type { DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { seedsService } from "../answer/seeds-service.ts";
import {
  buttonClick,
  type FakeDiscord,
  joinedGuild,
  userMessage,
} from "../fakes/discord-gateway.ts";
import { FAKE_IDS, nextId, type RecordedCall } from "../fakes/discord-rest.ts";
import { startGatewayBot } from "./discord-gateway-bot.ts";

let fake: FakeDiscord;
let adapter: DiscordAdapter;
const logged: string[] = [];

beforeAll(async () => {
  const { thesis } = await seedsService();
  const log = {
    info: (m: string) => logged.push(m),
    error: (m: string) => logged.push(`ERROR ${m}`),
  };
  ({ fake, adapter } = await startGatewayBot(log, {
    bot: createBot({ commands: thesisCommands, thesis, log: (m) => logged.push(`ERROR ${m}`) }),
  }));
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

type Embed = { title?: string; description?: string; footer?: { text: string } };
const embedsOf = (call: RecordedCall) => (call.body as { embeds: Embed[] }).embeds;
const postsTo = (channelId: string) =>
  fake.rest.find("POST", new RegExp(`/channels/${channelId}/messages$`));
const footers = (call: RecordedCall) => embedsOf(call).map((e) => e.footer?.text ?? "");

/** Waits until `channelId` has more than `count` posts; returns the first new one. */
async function nextPost(channelId: string, count: number): Promise<RecordedCall> {
  const deadline = Date.now() + 10_000;
  while (postsTo(channelId).length <= count) {
    if (Date.now() > deadline) throw new Error(`no new post in ${channelId}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return postsTo(channelId)[count]!;
}

describe("Discord follow-ups", () => {
  it("reads “and what about Qwen?”, replying to the shared risks TAO, as risks Qwen", async () => {
    const before = postsTo(FAKE_IDS.channel).length;
    fake.dispatch("INTERACTION_CREATE", buttonClick("th|share|0|=risks TAO"));
    const shared = await nextPost(FAKE_IDS.channel, before);
    expect(footers(shared).join(" ")).toContain("/thesis risks TAO");
    const sharedId = (fake.rest.channelMessages.get(FAKE_IDS.channel) ?? []).at(-1)?.id;

    const count = postsTo(FAKE_IDS.channel).length;
    fake.dispatch(
      "MESSAGE_CREATE",
      userMessage(`<@${FAKE_IDS.bot}> and what about Qwen?`, { replyTo: String(sharedId) }),
    );
    const answer = await nextPost(FAKE_IDS.channel, count);
    expect(embedsOf(answer)[0]?.title).toBe("Risks about Qwen");
    expect(JSON.stringify(embedsOf(answer))).toContain("Qwen, DeepSeek, Kimi, GLM");
    expect(footers(answer).join(" ")).toContain("/thesis risks Qwen");
    expect(
      fake.rest.find("GET", new RegExp(`/channels/${FAKE_IDS.channel}/messages/${sharedId}$`)),
    ).toHaveLength(1);
  });

  it("reads a mention in a thread with the bot's earlier answer there (bounded history)", async () => {
    const before = postsTo(FAKE_IDS.thread).length;
    fake.dispatch(
      "MESSAGE_CREATE",
      userMessage(`<@${FAKE_IDS.bot}> why does open source AI become the default?`, {
        channelId: FAKE_IDS.thread,
      }),
    );
    const first = await nextPost(FAKE_IDS.thread, before);
    expect(footers(first).join(" ")).toContain(
      "/thesis ask why does open source AI become the default?",
    );
    const count = postsTo(FAKE_IDS.thread).length;
    fake.dispatch(
      "MESSAGE_CREATE",
      userMessage(`<@${FAKE_IDS.bot}> is that still true?`, { channelId: FAKE_IDS.thread }),
    );
    const answer = await nextPost(FAKE_IDS.thread, count);
    const [history] = fake.rest.find("GET", new RegExp(`/channels/${FAKE_IDS.thread}/messages$`));
    expect(history?.query.get("limit")).toBe("20");
    // After an ask, a follow-up is asked with the words of the bot's latest message there.
    expect(footers(answer).join(" ")).toMatch(/\/thesis ask is that still true\? \S+/);
  });
});

describe("Discord language", () => {
  it("answers a German mention with the sentence that the bot reads English", async () => {
    const count = postsTo(FAKE_IDS.channel).length;
    fake.dispatch(
      "MESSAGE_CREATE",
      userMessage(`<@${FAKE_IDS.bot}> Warum gewinnt die Verteilung gegen die offenen Modelle?`),
    );
    const answer = await nextPost(FAKE_IDS.channel, count);
    expect(JSON.stringify(answer.body)).toContain(
      "thesis-bot reads questions in English, and this one looks like another language.",
    );
  });
});

describe("Discord onboarding", () => {
  it("welcomes a server once in its system channel, and not when the bot rejoins", async () => {
    const guildId = nextId();
    const guild = joinedGuild(guildId);
    fake.dispatch("GUILD_CREATE", guild);
    const welcome = await nextPost(guild.system_channel_id, 0);
    expect(embedsOf(welcome)[0]?.title).toBe("Hello, I'm thesis-bot");
    expect(JSON.stringify(embedsOf(welcome))).toContain("/thesis ask");

    fake.dispatch("GUILD_DELETE", { id: guildId });
    fake.dispatch("GUILD_CREATE", guild);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(adapter.client.guilds.cache.has(guildId)).toBe(true);
    expect(postsTo(guild.system_channel_id)).toHaveLength(1);
  });

  it("stays quiet where it may not post", async () => {
    const guild = joinedGuild(nextId(), { mayPost: false });
    fake.dispatch("GUILD_CREATE", guild);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(adapter.client.guilds.cache.has(guild.id)).toBe(true);
    expect(postsTo(guild.system_channel_id)).toHaveLength(0);
  });
});
