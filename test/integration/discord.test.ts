// The real discord.js Client against the loopback fake Discord: READY, deferred answers,
// autocomplete, buttons, the Find sources thread flow, mentions, permissions and 429s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { fixedThesis, testCommands } from "../fakes/discord-commands.ts";
import {
  autocomplete,
  buttonClick,
  FakeDiscord,
  findSources,
  slashCommand,
  userMessage,
} from "../fakes/discord-gateway.ts";
import { FAKE_IDS, type RecordedCall } from "../fakes/discord-rest.ts";

let fake: FakeDiscord;
let adapter: DiscordAdapter;
const logged: string[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  adapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: FAKE_IDS.application,
    guildId: FAKE_IDS.guild,
    apiUrl: fake.apiUrl,
    commands: testCommands,
    thesis: fixedThesis(),
    log: { info: (m) => logged.push(m), error: (m) => logged.push(`ERROR ${m}`) },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

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
    const fields = embeds.flatMap((e) => e.fields ?? []);
    expect(fields[0]?.name).toBe("China's open-weight push — 000_0cf94f8e47b27905.txt L12–14");
    expect(fields[0]?.value).toContain("distribution wins");
    const labels = bodyOf(edit).components[0].components.map((b: Body) => b.label);
    expect(labels).toEqual(["Share to channel", "Quote in thread", "Show the bear case"]);
    expect(bodyOf(edit).allowed_mentions).toEqual({ parse: [] });
  });
});
