// The real discord.js Client against the loopback fake Discord: READY, deferred answers,
// autocomplete, buttons, the Find sources thread flow, mentions, permissions and 429s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordAdapter, syncCommands } from "../../src/adapters/discord/index.ts";
import { testCommands } from "../fakes/discord-commands.ts";
import {
  autocomplete,
  buttonClick,
  type FakeDiscord,
  findSources,
  slashCommand,
  userMessage,
} from "../fakes/discord-gateway.ts";
import { FAKE_IDS, type RecordedCall } from "../fakes/discord-rest.ts";
import { passagesShown } from "../reply/discord-passages.ts";
import { startGatewayBot } from "./discord-gateway-bot.ts";

let fake: FakeDiscord;
let adapter: DiscordAdapter;
const logged: string[] = [];

beforeAll(async () => {
  ({ fake, adapter } = await startGatewayBot({
    info: (m) => logged.push(m),
    error: (m) => logged.push(`ERROR ${m}`),
  }));
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: a JSON body recorded by the fake Discord, walked loosely by the assertions
type Body = Record<string, any>;
const bodyOf = (call: RecordedCall) => call.body as Body;
const isCallback = (token: string) => (c: RecordedCall) =>
  c.method === "POST" && c.path.includes(`/${token}/callback`);
const isEdit = (token: string) => (c: RecordedCall) =>
  c.method === "PATCH" && c.path.endsWith(`/${token}/messages/%40original`) && c.status === 200;

describe("Discord adapter against a fake gateway", () => {
  it("connects, identifies with the non-privileged intents and comes online", () => {
    expect(adapter.client.isReady()).toBe(true);
    const identify = fake.identifies[0] as { intents: number };
    expect(identify.intents).toBe(1 | 512); // Guilds | GuildMessages, no Message Content
  });

  it("defers /thesis ask within the same breath, then answers with cited embeds", async () => {
    const interaction = slashCommand("ask", { question: "why does distribution win" });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const callback = await fake.rest.waitFor(isCallback(interaction.token));
    expect(bodyOf(callback)).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    const embeds = bodyOf(edit).embeds as Body[];
    expect(embeds[0]?.title).toBe("What the sources say");
    const [first] = passagesShown(embeds.map((e) => e.description ?? ""));
    expect(first?.credit).toContain("China's open-weight push");
    expect(first).toMatchObject({ file: "seeds/000_0cf94f8e47b27905.txt", span: [12, 14] });
    expect(first?.lines.join(" ")).toContain("distribution wins");
    const labels = bodyOf(edit).components[0].components.map((b: Body) => b.label);
    expect(labels).toEqual(["Share to channel", "Quote in thread", "Show the bear case"]);
    expect(bodyOf(edit).allowed_mentions).toEqual({ parse: [] });
  });

  it("suggests at most 25 topics for an autocompleting option, matching what was typed", async () => {
    const all = autocomplete("bullbear", "topic", "");
    fake.dispatch("INTERACTION_CREATE", all);
    const allCall = await fake.rest.waitFor(isCallback(all.token));
    expect(bodyOf(allCall).type).toBe(8);
    expect(bodyOf(allCall).data.choices).toHaveLength(25);
    const typed = autocomplete("bullbear", "topic", "tens");
    fake.dispatch("INTERACTION_CREATE", typed);
    const typedCall = await fake.rest.waitFor(isCallback(typed.token));
    expect(bodyOf(typedCall).data.choices).toEqual([
      { name: "Bittensor / TAO (99 claims)", value: "tao" },
    ]);
  });

  async function askAndGetButtons(question: string): Promise<Record<string, string>> {
    const interaction = slashCommand("ask", { question });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    const buttons = bodyOf(edit).components.flatMap((row: Body) => row.components) as Body[];
    return Object.fromEntries(buttons.map((b) => [b.label, b.custom_id]));
  }

  it("Share to channel posts the same answer publicly, without pinging anyone", async () => {
    const buttons = await askAndGetButtons("what about @everyone and export controls");
    const click = buttonClick(buttons["Share to channel"]!);
    fake.dispatch("INTERACTION_CREATE", click);
    const edit = await fake.rest.waitFor(isEdit(click.token));
    expect(bodyOf(edit).content).toBe(`Shared in <#${FAKE_IDS.channel}>.`);
    const post = fake.rest
      .find("POST", new RegExp(`/channels/${FAKE_IDS.channel}/messages$`))
      .find((c) => JSON.stringify(c.body).includes("@everyone and export controls"));
    expect(post).toBeDefined();
    expect(bodyOf(post!).flags).toBeUndefined();
    expect(bodyOf(post!).allowed_mentions).toEqual({ parse: [] });
    expect(bodyOf(post!).embeds[0].description).toContain("distribution wins");
  });

  it("sends a question containing @everyone with allowed_mentions parse []", async () => {
    const interaction = slashCommand("ask", { question: "@everyone is TAO dead?" });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    expect(bodyOf(edit).embeds[0].description).toContain("@everyone is TAO dead?");
    expect(bodyOf(edit).allowed_mentions).toEqual({ parse: [] });
  });

  it("Quote in thread posts the answer, starts a thread on it and quotes each passage", async () => {
    const buttons = await askAndGetButtons("quote the distribution passage");
    const click = buttonClick(buttons["Quote in thread"]!);
    fake.dispatch("INTERACTION_CREATE", click);
    const edit = await fake.rest.waitFor(isEdit(click.token));
    const threadId = /<#(\d+)>/.exec(bodyOf(edit).content)?.[1];
    expect(threadId).toBeDefined();
    const passages = fake.rest.find("POST", new RegExp(`/channels/${threadId}/messages$`));
    expect(passages.map((c) => bodyOf(c).embeds[0].description)).toEqual([
      "Open weights travel faster than any export control; distribution wins.",
    ]);
  });

  it("Show the bear case runs the bull/bear command, markdown in quotes escaped", async () => {
    const buttons = await askAndGetButtons("is there a bear case");
    const click = buttonClick(buttons["Show the bear case"]!);
    fake.dispatch("INTERACTION_CREATE", click);
    const edit = await fake.rest.waitFor(isEdit(click.token));
    expect(bodyOf(edit).embeds[0].title).toBe("Bull and bear: tao");
    const text = bodyOf(edit)
      .embeds.map((e: Body) => e.description ?? "")
      .join("\n");
    expect(text).toContain("> Subnet emissions can be gamed, and validators \\*collude\\*.");
  });

  it("pages a long answer with Next and Previous", async () => {
    const interaction = slashCommand("bullbear", { topic: "tao", limit: 50 });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    const footer = (b: Body) => b.embeds.at(-1).footer.text as string;
    const pages = /^Page 1 of (\d+)$/.exec(footer(bodyOf(edit)))?.[1];
    expect(Number(pages)).toBeGreaterThan(3);
    const next = bodyOf(edit).components[0].components.find((b: Body) => b.label === "Next");
    const click = buttonClick(next.custom_id);
    fake.dispatch("INTERACTION_CREATE", click);
    const callback = await fake.rest.waitFor(isCallback(click.token));
    expect(bodyOf(callback).type).toBe(6); // deferred update of the same message
    const page2 = await fake.rest.waitFor(isEdit(click.token));
    expect(footer(bodyOf(page2))).toBe(`Page 2 of ${pages}`);
    const labels = bodyOf(page2).components[0].components.map((b: Body) => b.label);
    // Paging first, then the Share and Quote buttons the bot gives every private answer.
    expect(labels).toEqual(["Previous", "Next", "Share to channel", "Quote in thread"]);
  });

  it("Find sources starts a thread on the message and posts the passages there", async () => {
    const { interaction, target } = findSources("Distribution beats export controls, right?");
    fake.dispatch("INTERACTION_CREATE", interaction);
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    expect(bodyOf(edit).content).toMatch(/^Posted 1 passage in <#\d+>\.$/);
    const thread = fake.rest.find("POST", new RegExp(`/messages/${target.id}/threads$`))[0]!;
    expect(bodyOf(thread).name).toBe("Sources: Distribution beats export controls, right?");
    const threadId = /<#(\d+)>/.exec(bodyOf(edit).content)![1];
    const posts = fake.rest.find("POST", new RegExp(`/channels/${threadId}/messages$`));
    expect(posts.length).toBe(2);
    expect(bodyOf(posts[1]!).embeds[0].title).toContain("China's open-weight push");
    expect(bodyOf(posts[1]!).embeds[0].footer.text).toContain("lines 12–14");
    expect(bodyOf(posts[0]!).embeds[0].description).toContain("About: Distribution beats");
    expect(bodyOf(posts[0]!).embeds[0].fields).toBeUndefined();
  });

  it("explains a missing permission instead of crashing", async () => {
    fake.rest.failNext({
      method: "POST",
      path: /\/threads$/,
      status: 403,
      body: { message: "Missing Permissions", code: 50013 },
    });
    const { interaction } = findSources("Will open weights win?");
    fake.dispatch("INTERACTION_CREATE", interaction);
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    expect(bodyOf(edit).content).toContain("I can't start a thread here");
    expect(adapter.client.isReady()).toBe(true);
  });

  it("still answers after a 429, through discord.js's rate-limit queue", async () => {
    fake.rest.failNext({
      method: "PATCH",
      path: /%40original$/,
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.05, global: false },
      headers: { "retry-after": "0.05" },
    });
    const interaction = slashCommand("ask", { question: "rate limited question" });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const edit = await fake.rest.waitFor(isEdit(interaction.token));
    expect(bodyOf(edit).embeds[0].description).toContain("rate limited question");
    const attempts = fake.rest.calls.filter((c) => c.path.includes(interaction.token));
    expect(attempts.map((c) => c.status)).toEqual([204, 429, 200]);
  });

  it("answers a mention inside a thread in that thread, and ignores bots", async () => {
    const fromBot = userMessage(`<@${FAKE_IDS.bot}> bots talking`, {
      channelId: FAKE_IDS.thread,
      bot: true,
    });
    const fromUser = userMessage(`<@${FAKE_IDS.bot}> @everyone why does distribution win`, {
      channelId: FAKE_IDS.thread,
    });
    fake.dispatch("MESSAGE_CREATE", fromBot);
    fake.dispatch("MESSAGE_CREATE", fromUser);
    const post = await fake.rest.waitFor(
      (c) => c.method === "POST" && c.path.endsWith(`/channels/${FAKE_IDS.thread}/messages`),
    );
    expect(bodyOf(post).embeds[0].description).toContain("@everyone why does distribution win");
    expect(bodyOf(post).allowed_mentions).toEqual({ parse: [] });
    const all = fake.rest.find("POST", new RegExp(`/channels/${FAKE_IDS.thread}/messages$`));
    expect(all.some((c) => JSON.stringify(c.body).includes("bots talking"))).toBe(false);
  });

  it("registers /thesis once and skips the write when Discord already has it", async () => {
    const puts = fake.rest.find("PUT", /\/guilds\/\d+\/commands$/);
    expect(puts).toHaveLength(1);
    const thesis = (bodyOf(puts[0]!) as unknown as Body[]).find((c) => c.name === "thesis")!;
    const bullbear = thesis.options.find((o: Body) => o.name === "bullbear");
    expect(bullbear.options).toEqual([
      {
        type: 3,
        name: "topic",
        description: "Topic",
        required: true,
        min_length: 1,
        autocomplete: true,
      },
      {
        type: 4,
        name: "limit",
        description: "How many pairs",
        required: false,
        min_value: 1,
        max_value: 50,
      },
    ]);
    expect(logged).toContain(
      "Discord guild commands differed from the declarations; registered 2.",
    );
    const again = await syncCommands({
      rest: adapter.client.rest,
      applicationId: FAKE_IDS.application,
      guildId: FAKE_IDS.guild,
      defs: testCommands,
      log: () => {},
    });
    expect(again.action).toBe("unchanged");
    expect(fake.rest.find("PUT", /\/commands$/)).toHaveLength(1);
  });

  it("tells the user when Share to channel is not allowed in that channel", async () => {
    const buttons = await askAndGetButtons("share where I cannot post");
    fake.rest.failNext({
      method: "POST",
      path: new RegExp(`/channels/${FAKE_IDS.channel}/messages$`),
      status: 403,
      body: { message: "Missing Access", code: 50001 },
    });
    const click = buttonClick(buttons["Share to channel"]!);
    fake.dispatch("INTERACTION_CREATE", click);
    const edit = await fake.rest.waitFor(isEdit(click.token));
    expect(bodyOf(edit).content).toContain("I can't post in this channel");
  });

  it("asks for a fresh command when a button's stored text has been forgotten", async () => {
    const click = buttonClick("th|share|0|#zzzz");
    fake.dispatch("INTERACTION_CREATE", click);
    const callback = await fake.rest.waitFor(isCallback(click.token));
    expect(bodyOf(callback)).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(bodyOf(callback).data.content).toContain("This button has expired");
  });
});
