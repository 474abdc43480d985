// What a reader sees for ask, risks and bullbear over the seeds on Slack and Discord, as
// committed snapshots, plus the properties the snapshots are there to keep: the lead is
// never shown twice, no block or embed holds a bare number, and sources are named by title
// (file and lines only in small print).
import { beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { renderDiscord } from "../../src/adapters/discord/render.ts";
import { renderSlack } from "../../src/adapters/slack/render.ts";
import type { AskResult, ThesisService } from "../../src/answer/types.ts";
import { createBot } from "../../src/bot/bot.ts";
import type { Ledger } from "../../src/corpus/ledger.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { recordingChat } from "../bot/recording-chat.ts";

let thesis: ThesisService;
let ledger: Ledger;
beforeAll(async () => {
  ({ thesis, ledger } = await seedsService());
});

async function run(text: string): Promise<Reply> {
  const bot = createBot({
    commands: thesisCommands,
    thesis,
    log: () => {},
    now: () => new Date("2026-05-04T10:00:00Z"),
  });
  const { reply } = await bot.run(recordingChat(), { user: { id: "U1" } }, { text });
  return reply;
}

const COMMANDS = ["ask why does distribution usually win?", "risks tao", "bullbear tao"];
const flat = (text: string) => text.replace(/[*>\s]+/g, " ").trim();
const HASHED_FILE = /seeds\/\d{3}_[0-9a-f]{16}\.txt/;

describe.each(COMMANDS)("%s", (command) => {
  it("on Slack: no repeated lead, no number-only block, sources by title", async () => {
    const reply = await run(command);
    const messages = renderSlack(reply);
    expect(messages).toMatchSnapshot();
    const blocks = messages.flatMap((m) => m.blocks);
    for (const block of blocks) {
      if (block.type !== "section") continue;
      expect(block.text.text.trim()).not.toMatch(/^\*?\d+\.?\*?$/);
      // A hashed file name appears only in the small print (context blocks), never as the credit.
      expect(block.text.text).not.toMatch(HASHED_FILE);
    }
    const credits = blocks.filter((b) => b.type === "section" && b.text.text.startsWith(">"));
    for (const doc of ledger.documents.filter((d) =>
      reply.sections.some((s) => s.citations.some((c) => c.file === d.file)),
    ))
      expect(credits.some((b) => b.type === "section" && b.text.text.includes(doc.title))).toBe(
        true,
      );
    expectLeadOnce(reply, blocks.map((b) => (b.type === "section" ? b.text.text : "")).join("\n"));
  });

  it("on Discord: no repeated lead, no number-only embed, sources by title", async () => {
    const reply = await run(command);
    const messages = renderDiscord(reply);
    expect(messages).toMatchSnapshot();
    const embeds = messages.flatMap((m) => m.embeds);
    for (const embed of embeds) {
      expect(`${embed.title ?? ""}${embed.description ?? ""}`.trim()).not.toMatch(/^\d+\.?$/);
      for (const line of (embed.description ?? "").split("\n"))
        if (!line.startsWith("-# ")) expect(line.replace(/\\/g, "")).not.toMatch(HASHED_FILE);
    }
    expectLeadOnce(reply, embeds.map((e) => e.description ?? "").join("\n"));
  });
});

/** The ask lead, where there is one, is shown exactly once across the whole reply. */
function expectLeadOnce(reply: Reply, shown: string): void {
  const lead = (reply.data as Partial<AskResult>).answer;
  if (!lead) return;
  const text = flat(shown.replace(/\\/g, ""));
  const at = text.indexOf(flat(lead));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(flat(lead), at + 1)).toBe(-1);
}
