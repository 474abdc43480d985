// The Discord paste form over the gateway: the real discord.js Client logged in to the
// loopback fake gateway receives `/thesis sources action:paste` as INTERACTION_CREATE and
// answers with the modal (callback type 9) for an admin, the refusal for a member; the modal
// submit (interaction type 5) arrives the same way and is answered in a deferred private
// reply: "Indexing…", then what was added, with the real source manager (SQLite store).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import type { DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { PASTE_FORM_ID } from "../../src/bot/paste-source.ts";
import { type FakeDiscord, slashCommand } from "../fakes/discord-gateway.ts";
import type { RecordedCall } from "../fakes/discord-rest.ts";
import { openRig, type Rig } from "../sources/rig.ts";
import { startGatewayBot } from "./discord-gateway-bot.ts";

const REFUSED =
  "Only members with the Manage Server permission can add, refresh or remove sources.";
const MANAGE_GUILD = "32";

let rig: Rig;
let fake: FakeDiscord;
let adapter: DiscordAdapter;
const errors: string[] = [];

beforeAll(async () => {
  rig = await openRig();
  const log = { info: () => {}, error: (m: string) => errors.push(m) };
  ({ fake, adapter } = await startGatewayBot(log, {
    bot: createBot({
      commands: thesisCommands,
      thesis: rig.live.thesis,
      sources: rig.manager,
      log: (m) => errors.push(m),
    }),
  }));
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  await rig?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: Discord JSON, read field by field by the assertions
type Body = Record<string, any>;

/** Dispatches the interaction as a member with `permissions`; returns its first response. */
async function dispatch(interaction: Body, permissions = MANAGE_GUILD): Promise<Body> {
  interaction.member.permissions = permissions;
  fake.dispatch("INTERACTION_CREATE", interaction);
  const callback = await fake.rest.waitFor(
    (c) => c.method === "POST" && c.path.includes(`/interactions/${interaction.id}/`),
    10_000,
  );
  return callback.body as Body;
}

/** The deferred reply's edits, once one of them contains `last`. */
async function editsUntil(token: string, last: string): Promise<string[]> {
  await fake.rest.waitFor(
    (c) => c.method === "PATCH" && c.path.includes(token) && JSON.stringify(c.body).includes(last),
    15_000,
  );
  return fake.rest
    .find("PATCH", new RegExp(`/${token}/messages/%40original$`))
    .map((call: RecordedCall) => JSON.stringify(call.body));
}

/** INTERACTION_CREATE for the modal's submit, as Discord sends it: type 5, one row per input. */
function submit(values: Record<string, string>): Body {
  return {
    ...slashCommand("sources"),
    type: 5,
    data: {
      custom_id: PASTE_FORM_ID,
      components: Object.entries(values).map(([id, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: id, value }],
      })),
    },
  };
}

describe("the Discord paste modal over the gateway", () => {
  it("refuses a member before the form opens, naming the permission", async () => {
    const refused = await dispatch(slashCommand("sources", { action: "paste" }), "0");
    expect(refused).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(refused)).toContain(REFUSED);
  });

  it("opens the modal for an admin, and its submit adds the text", async () => {
    const modal = await dispatch(slashCommand("sources", { action: "paste" }));
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(PASTE_FORM_ID);
    const inputs = modal.data.components.map((row: Body) => row.components[0]);
    expect(inputs.map((i: Body) => [i.custom_id, i.style, i.required])).toEqual([
      ["title", 1, true],
      ["url", 1, false],
      ["text", 2, true],
    ]);

    const memo = submit({
      title: "Echidna memo",
      url: "https://example.org/echidna",
      text: "The Echidna subnet lost half its validators after emissions were cut, which analysts call a serious risk for $TAO holders.\n\nSupporters expect the Echidna validators to return once rewards recover.",
    });
    expect(await dispatch(memo)).toEqual({ type: 5, data: { flags: 64 } });
    const edits = await editsUntil(memo.token, "Added");
    expect(edits[0]).toContain("Indexing…");
    expect(edits.at(-1)).toMatch(/Added \\"Echidna memo\\": \d+ claims?/);
    const added = rig.manager.list().find((s) => s.title === "Echidna memo");
    expect(added).toMatchObject({ origin: "chat", url: "https://example.org/echidna" });
    const answer = rig.live.thesis.ask("why did the Echidna validators leave?");
    expect(answer.citations[0]?.file).toBe(added?.file);
  });

  it("refuses a member's submit, and a bad URL, adding nothing", async () => {
    const stranger = submit({ title: "Other memo", url: "", text: "Echidna validators again." });
    await dispatch(stranger, "0");
    expect((await editsUntil(stranger.token, REFUSED)).at(-1)).toContain(REFUSED);
    const badUrl = submit({ title: "Bad memo", url: "ftp://x", text: "Echidna validators." });
    await dispatch(badUrl);
    expect((await editsUntil(badUrl.token, "https://")).at(-1)).toContain(
      "The URL must start with https://",
    );
    expect(rig.manager.list().some((s) => /Other memo|Bad memo/.test(s.title))).toBe(false);
    expect(errors).toEqual([]);
  });
});
