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
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";
import { unescapeDiscordMarkdown } from "../../src/reply/render-discord.ts";
import { FakeDiscord, slashCommand } from "../fakes/discord-gateway.ts";
import { FAKE_IDS } from "../fakes/discord-rest.ts";

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
    commands: thesisCommands,
    thesis: createThesisService(ledger),
    registerCommands: false,
    log: { info: () => {}, error: () => {} },
  });
  await adapter.start();
}, 20_000);

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

interface Field {
  name: string;
  value: string;
}

const LABEL = /^(.*) — (\S+) L(\d+)(?:–(\d+))?$/;

/** Every way to rejoin a quote that was split at whitespace over several fields. */
function rejoinings(chunks: string[]): string[] {
  let joined = [chunks[0] ?? ""];
  for (const chunk of chunks.slice(1)) {
    joined = joined.flatMap((head) => [`${head} ${chunk}`, `${head}\n${chunk}`]);
  }
  return joined;
}

/** Groups "(cont.)" fields with the field they continue. */
function quotesShown(fields: Field[]): { label: string; chunks: string[] }[] {
  const quotes: { label: string; chunks: string[] }[] = [];
  for (const field of fields) {
    const value = unescapeDiscordMarkdown(field.value);
    if (field.name.endsWith(" (cont.)")) quotes.at(-1)?.chunks.push(value);
    else if (LABEL.test(field.name)) quotes.push({ label: field.name, chunks: [value] });
  }
  return quotes;
}

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
    const embeds = (edit.body as { embeds: { fields?: Field[] }[] }).embeds;
    const quotes = quotesShown(embeds.flatMap((e) => e.fields ?? []));
    expect(quotes.length).toBeGreaterThan(0);
    for (const { label, chunks } of quotes) {
      const [, title = "", fileName = "", start = "0", end] = LABEL.exec(label) ?? [];
      const doc = ledger.documents.find((d) => d.file.endsWith(`/${fileName}`));
      expect(doc, label).toBeDefined();
      const lines: [number, number] = [Number(start), Number(end ?? start)];
      const holds = rejoinings(chunks).some(
        (quote) =>
          checkCitation({ file: doc!.file, lines, quote, title }, (f) =>
            f === doc!.file ? doc : undefined,
          ) === null,
      );
      expect(holds, `${label}: ${chunks.join(" ").slice(0, 80)}`).toBe(true);
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
