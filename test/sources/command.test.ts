// /thesis sources through the dispatcher with a real source manager: admins add, refresh and
// remove; everybody lists; a refusal is one sentence and leaves the ledger alone.
import { describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { PASTE_ONLY_IN_CHAT } from "../../commands/sources.ts";
import type { Platform } from "../../commands/types.ts";
import { createBot } from "../../src/bot/bot.ts";
import { recordingChat } from "../bot/recording-chat.ts";
import { siteAndRigForFile } from "./rig.ts";

const opened = siteAndRigForFile();

const progress: string[] = [];

/** Runs a typed command through the bot as U1, an admin unless `isAdmin` is false. */
async function run(text: string, as: { isAdmin?: boolean; platform?: Platform } = {}) {
  const bot = createBot({
    commands: thesisCommands,
    thesis: opened.rig.live.thesis,
    sources: opened.rig.manager,
    log: () => {},
    now: () => new Date("2026-11-29T10:00:00Z"),
  });
  const chat = recordingChat({
    admins: as.isAdmin === false ? [] : ["U1"],
    ...(as.platform ? { platform: as.platform } : {}),
  });
  const who = {
    user: { id: "U1" },
    channelId: "C1",
    progress: async (message: string) => void progress.push(message),
  };
  return (await bot.run(chat, who, { text })).reply;
}

describe("/thesis sources", () => {
  it("refuses a non-admin, naming who may", async () => {
    for (const [platform, who] of [
      ["slack", "workspace admins"],
      ["discord", "members with the Manage Server permission"],
    ] as const) {
      const reply = await run(`sources add ${opened.site.url("/article")}`, {
        isAdmin: false,
        platform,
      });
      expect(reply.kind).toBe("error");
      expect(reply.summary).toBe(`Only ${who} can add, refresh or remove sources.`);
    }
    expect(opened.rig.manager.list().some((s) => s.origin === "chat")).toBe(false);
  });

  it("add says what it added: title, claims, risks and how it bears on known topics", async () => {
    const reply = await run(`sources add ${opened.site.url("/article")}`);
    expect(progress).toEqual(["Fetching…", "Indexing…"]);
    expect(reply.title).toBe("Source added");
    expect(reply.summary).toMatch(
      /^Added "Quokka subnet draws validators" \(Example Wire, Ada Lovelace\): \d+ claims?, \d+ risks?; adds .*on \$TAO/,
    );
    expect(reply.sections[0]?.text).toContain(opened.site.url("/article"));
  });

  it("a refused page is one sentence and the ledger is as it was", async () => {
    const before = opened.rig.live.ledger();
    const reply = await run(`sources add ${opened.site.url("/paper.pdf")}`);
    expect(reply.kind).toBe("error");
    expect(reply.summary).toBe(
      "That link is a PDF, which cannot be added yet: paste its text instead.",
    );
    expect(opened.rig.live.ledger()).toBe(before);
  });

  it("lists each source's origin, date added and claim count", async () => {
    const reply = await run("sources", { isAdmin: false });
    const text = reply.sections.map((s) => s.text).join("\n");
    expect(text).toMatch(/added in chat \d{4}-\d\d-\d\d · id web-/);
    expect(text).toMatch(/folder \d{4}-\d\d-\d\d · id 000_0cf94f8e47b27905/);
    expect(reply.sections).toHaveLength(opened.rig.live.ledger().documents.length);
  });

  it("sources paste reaching the command (no form opened) says where it works; admins only", async () => {
    expect((await run("sources paste")).summary).toBe(PASTE_ONLY_IN_CHAT);
    expect((await run("sources paste", { isAdmin: false })).summary).toBe(
      "Only workspace admins can add, refresh or remove sources.",
    );
  });

  it("remove takes it out; an unknown id gets a sentence", async () => {
    const id = opened.rig.manager.list().find((s) => s.origin === "chat")?.id ?? "";
    const reply = await run(`sources remove ${id}`);
    expect(reply.summary).toMatch(/^Removed "Quokka subnet draws validators" and its \d+ claims?/);
    const again = await run(`sources refresh ${id}`);
    expect(again.summary).toBe(`No source has the id "${id}": /thesis sources lists them.`);
  });
});
