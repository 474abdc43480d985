// /thesis settings from chat, through the real bot with a real SQLite store and rate limiter:
// admins (the platform's, or ones added here) choose the channels where the bot answers, a
// channel's own rate limit and extra admins; everyone else is refused with who may.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { type Bot, createBot } from "../../src/bot/bot.ts";
import { workspaceSettings } from "../../src/bot/workspace-settings.ts";
import { createRateLimiter, createStore, type Store } from "../../src/store/index.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { recordingChat } from "./recording-chat.ts";

let bot: Bot;
let store: Store;
let dataDir: string;
const chat = recordingChat({ admins: ["UADMIN"] });

beforeAll(async () => {
  const { thesis } = await seedsService();
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-bot-settings-"));
  store = await createStore({ dataDir });
  bot = createBot({
    commands: thesisCommands,
    thesis,
    limiter: createRateLimiter(store, { perUser: null, perChannel: null }),
    settings: workspaceSettings(store.settings),
    log: () => {},
  });
});
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** What `user` is shown for typing `text` in `channelId` of workspace `team`. */
async function say(user: string, channelId: string, text: string, team = "T1") {
  const { reply } = await bot.run(
    chat,
    { user: { id: user }, channelId, workspaceId: team },
    { text },
  );
  return `${reply.title}: ${reply.summary ?? ""}`;
}

describe("/thesis settings", () => {
  it("shows the settings to anyone and lets only admins change them, naming who may", async () => {
    expect(await say("U1", "C1", "settings show")).toBe(
      "Settings: Answers in every channel. Every channel has the default limit. No extra admins.",
    );
    expect(await say("U1", "C1", "settings channels add")).toBe(
      "Sorry: Only workspace admins can change settings.",
    );
  });

  it("answers only in the chosen channels, and settings itself answers everywhere", async () => {
    expect(await say("UADMIN", "C1", "settings channels add", "T2")).toContain(
      "Answers only in channel C1.",
    );
    expect(await say("U1", "C2", "ask does distribution win?", "T2")).toBe(
      "Not in this channel: Here I answer only in channel C1; workspace admins can change that with /thesis settings channels.",
    );
    expect(await say("U1", "C1", "ask does distribution win?", "T2")).not.toContain(
      "Not in this channel",
    );
    // Another workspace is untouched.
    expect(await say("U1", "C2", "ask does distribution win?", "T3")).not.toContain(
      "Not in this channel",
    );
    expect(await say("UADMIN", "C2", "settings channels clear", "T2")).toContain(
      "Answers in every channel.",
    );
    expect(await say("U1", "C2", "ask does distribution win?", "T2")).not.toContain(
      "Not in this channel",
    );
  });

  it("gives a channel its own limit, set by an admin added in chat", async () => {
    expect(await say("UADMIN", "C1", "settings admins add <@U2>", "T4")).toContain(
      "Extra admins: U2.",
    );
    expect(await say("U2", "C9", "settings limit 1/60", "T4")).toContain(
      "Channel limits: channel C9 1 per 60 s.",
    );
    expect(await say("U3", "C9", "sources", "T4")).not.toContain("One moment");
    expect(await say("U4", "C9", "sources", "T4")).toMatch(
      /^One moment, please: This channel has used \/thesis 1 times in the last minute\./,
    );
    expect(await say("UADMIN", "C1", "settings admins remove U2", "T4")).toContain(
      "No extra admins.",
    );
    expect(await say("U2", "C9", "settings limit default", "T4")).toBe(
      "Sorry: Only workspace admins can change settings.",
    );
  });

  it("answers bad input with one sentence", async () => {
    expect(await say("UADMIN", "C1", "settings limit lots")).toMatch(/count\/seconds \(5\/60\)/);
    expect(await say("UADMIN", "C1", "settings admins add")).toMatch(/Say add or remove and who/);
    expect(await say("UADMIN", "C1", "settings volume up")).toMatch(/Choose show, channels/);
    const { reply } = await bot.run(
      chat,
      { user: { id: "UADMIN" }, channelId: "C1" },
      {
        text: "settings show",
      },
    );
    expect(reply.summary).toBe("Settings belong to a workspace or server: run this in one.");
  });
});
