// The real /thesis commands over the real seed corpus, through discord.js and the fake
// Discord: every quote shown in the answer's embeds must pass the quote check against the
// seed file at the lines its field names — the product's one promise, checked on the wire.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import {
  buildCommandJson,
  createDiscordAdapter,
  type DiscordAdapter,
} from "../../src/adapters/discord/index.ts";
import { checkCitation } from "../../src/answer/quote-check.ts";
import { createThesisService } from "../../src/answer/service.ts";
import { createBot } from "../../src/bot/bot.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";
import { FakeDiscord, slashCommand } from "../fakes/discord-gateway.ts";
import { FAKE_IDS } from "../fakes/discord-rest.ts";
import { passagesShown } from "../reply/discord-passages.ts";

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let ledger: Ledger;

beforeAll(async () => {
  ledger = await buildLedger(path.join(PACKAGE_ROOT, "seeds"));
  fake = await FakeDiscord.start();
  adapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: FAKE_IDS.application,
    apiUrl: fake.apiUrl,
    bot: createBot({
      commands: thesisCommands,
      thesis: createThesisService(ledger),
      log: () => {},
    }),
    registerCommands: false,
    log: { info: () => {}, error: () => {} },
  });
  await adapter.start();
}, 20_000);

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe("/thesis ask over the seeds on Discord", () => {
  it.each([
    "why does distribution win",
    "what are the risks for Bittensor",
    "open-weight models from China",
  ])("every quote shown for %j is the exact text at the lines it names", async (question) => {
    const interaction = slashCommand("ask", { question });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const edit = await fake.rest.waitFor(
      (c) => c.method === "PATCH" && c.path.includes(`/${interaction.token}/`) && c.status === 200,
    );
    const embeds = (edit.body as { embeds: { description?: string }[] }).embeds;
    const quotes = passagesShown(embeds.map((e) => e.description ?? ""));
    expect(quotes.length).toBeGreaterThan(0);
    for (const { lines, credit, file, span } of quotes) {
      const doc = ledger.documents.find((d) => d.file === file);
      expect(doc, file).toBeDefined();
      // Credited by the source's title, never by its file name alone.
      expect(credit).toContain(doc!.title.slice(0, 20));
      const quote = lines.join("\n");
      expect(
        checkCitation({ file, lines: span, quote, title: doc!.title }, (f) =>
          f === file ? doc : undefined,
        ),
        `${file}:${span.join("-")}: ${quote.slice(0, 80)}`,
      ).toBeNull();
    }
  });

  it("registers the real subcommands as command JSON Discord accepts", () => {
    const [thesis, findSources] = buildCommandJson(thesisCommands);
    expect(findSources).toEqual({ type: 3, name: "Find sources", description: "" });
    const subcommands = thesis?.options ?? [];
    expect(subcommands.map((s) => s.name)).toEqual(thesisCommands.map((c) => c.name));
    for (const sub of subcommands) {
      expect(sub.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(sub.description.length).toBeGreaterThan(0);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      const options = sub.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional !== -1)
        expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const option of options) {
        expect(option.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(option.description.length).toBeGreaterThan(0);
        expect(option.description.length).toBeLessThanOrEqual(100);
        expect(option.choices?.length ?? 0).toBeLessThanOrEqual(25);
        expect(option.autocomplete && option.choices).toBeFalsy();
      }
    }
  });
});
