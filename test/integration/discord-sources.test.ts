// /thesis sources through discord.js over the HTTP interactions endpoint (Ed25519-signed
// requests; the deferred answer edited in through discord.js REST on the loopback fake),
// against the loopback test site: an admin adds an article and its deferred reply shows
// "Fetching…", "Indexing…", then what was added; a member is refused naming the permission;
// a PDF gets its sentence; the paste modal (response type 9, then a modal submit, type 5)
// adds a paywalled piece; and /thesis ask cites the added article by title and URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { PASTE_FORM_ID } from "../../src/bot/paste-source.ts";
import { FakeDiscord, slashCommand } from "../fakes/discord-gateway.ts";
import { FAKE_IDS, type RecordedCall } from "../fakes/discord-rest.ts";
import { openRig, type Rig } from "../sources/rig.ts";
import { startTestSite, type TestSite } from "../sources/web-server.ts";
import { type InteractionsServer, serveInteractions } from "./discord-interactions-server.ts";
import { discordKeys, signDiscord } from "./discord-signing.ts";

const REFUSED =
  "Only members with the Manage Server permission can add, refresh or remove sources.";
const TITLE = "Quokka subnet draws validators";
const MANAGE_GUILD = "32";

let site: TestSite;
let rig: Rig;
let fake: FakeDiscord;
let adapter: DiscordAdapter;
let served: InteractionsServer;
let url: string;
const keys = discordKeys();

beforeAll(async () => {
  site = await startTestSite();
  rig = await openRig();
  fake = await FakeDiscord.start();
  adapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: FAKE_IDS.application,
    apiUrl: fake.apiUrl,
    publicKey: keys.publicKeyHex,
    bot: createBot({
      commands: thesisCommands,
      thesis: rig.live.thesis,
      sources: rig.manager,
      log: () => {},
    }),
    log: { info: () => {}, error: () => {} },
  });
  served = await serveInteractions(adapter.interactionsListener!);
  url = served.url;
});
afterAll(async () => {
  await adapter?.stop();
  await served?.close();
  await fake?.close();
  await rig?.close();
  await site?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: a JSON body recorded by the fake Discord, walked loosely by the assertions
type Body = Record<string, any>;

/** POSTs a signed interaction as a member with `permissions`; returns the first response. */
async function post(interaction: Body, permissions = MANAGE_GUILD) {
  interaction.member.permissions = permissions;
  const body = JSON.stringify(interaction);
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...signDiscord(body, keys.privateKey) },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

const editsOf = (token: string) =>
  fake.rest
    .find("PATCH", new RegExp(`/${token}/messages/%40original$`))
    .map((call: RecordedCall) => JSON.stringify(call.body));

/** The deferred reply's edits, once one of them contains `last`. */
async function editsUntil(token: string, last: string): Promise<string[]> {
  await fake.rest.waitFor(
    (c) => c.method === "PATCH" && c.path.includes(token) && JSON.stringify(c.body).includes(last),
    15_000,
  );
  return editsOf(token);
}

describe("/thesis sources on Discord", () => {
  it("refuses a member without Manage Server, naming the permission", async () => {
    const interaction = slashCommand("sources", { action: "add", target: site.url("/article") });
    expect(await post(interaction, "0")).toEqual({ type: 5, data: { flags: 64 } });
    expect((await editsUntil(interaction.token, REFUSED)).join()).toContain(REFUSED);
    expect(rig.manager.list().some((s) => s.origin === "chat")).toBe(false);
  });

  it("shows Fetching…, Indexing…, then what the admin added, in the deferred reply", async () => {
    const interaction = slashCommand("sources", { action: "add", target: site.url("/article") });
    expect(await post(interaction)).toEqual({ type: 5, data: { flags: 64 } });
    const edits = await editsUntil(interaction.token, "Added");
    expect(edits[0]).toContain("Fetching…");
    expect(edits[1]).toContain("Indexing…");
    expect(edits[2]).toMatch(
      new RegExp(`Added \\\\"${TITLE}\\\\" \\(Example Wire, Ada Lovelace\\)`),
    );
    expect(edits[2]).toContain(site.url("/article"));
  });

  it("answers a PDF with its sentence", async () => {
    const sentence = "That link is a PDF, which cannot be added yet: paste its text instead.";
    const interaction = slashCommand("sources", { action: "add", target: site.url("/paper.pdf") });
    await post(interaction);
    expect((await editsUntil(interaction.token, sentence)).at(-1)).toContain(sentence);
  });

  it("cites the added article by title and URL in /thesis ask", async () => {
    const interaction = slashCommand("ask", { question: "what if the Quokka validators leave" });
    await post(interaction, "0");
    const answer = (await editsUntil(interaction.token, TITLE)).at(-1);
    expect(answer).toContain(site.url("/article"));
  });

  it("opens the paste modal for admins only, and its submit adds the text", async () => {
    const refused = await post(slashCommand("sources", { action: "paste" }), "0");
    expect(refused).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(refused)).toContain(REFUSED);

    const modal = await post(slashCommand("sources", { action: "paste" }));
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(PASTE_FORM_ID);
    const inputs = modal.data.components.map((row: Body) => row.components[0]);
    expect(inputs.map((i: Body) => [i.custom_id, i.style, i.required])).toEqual([
      ["title", 1, true],
      ["url", 1, false],
      ["text", 2, true],
    ]);

    const submit = (values: Record<string, string>) => {
      const base = slashCommand("sources");
      return {
        ...base,
        type: 5,
        data: {
          custom_id: PASTE_FORM_ID,
          components: Object.entries(values).map(([id, value]) => ({
            type: 1,
            components: [{ type: 4, custom_id: id, value }],
          })),
        },
      };
    };
    const memo = submit({
      title: "Numbat memo",
      url: "",
      text: "The Numbat subnet lost half its validators after emissions were cut, which analysts call a serious risk for $TAO holders.\n\nSupporters expect the Numbat validators to return once rewards recover.",
    });
    expect(await post(memo)).toEqual({ type: 5, data: { flags: 64 } });
    const edits = await editsUntil(memo.token, "Added");
    expect(edits[0]).toContain("Indexing…");
    expect(edits.at(-1)).toMatch(/Added \\"Numbat memo\\": \d+ claims?/);
    expect(rig.manager.list().find((s) => s.title === "Numbat memo")?.origin).toBe("chat");

    const stranger = submit({ title: "Other memo", url: "", text: "Numbat validators again." });
    await post(stranger, "0");
    expect((await editsUntil(stranger.token, REFUSED)).at(-1)).toContain(REFUSED);
    const badUrl = submit({ title: "Bad memo", url: "ftp://x", text: "Numbat validators." });
    await post(badUrl);
    expect((await editsUntil(badUrl.token, "https://")).at(-1)).toContain(
      "The URL must start with https://",
    );
    expect(rig.manager.list().some((s) => /Other memo|Bad memo/.test(s.title))).toBe(false);
  });
});
