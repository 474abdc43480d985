// What a command, a button and "Find sources" do, written once in src/bot and the same on
// every platform: driven here with the real bot over the seeds and a chat platform played in
// memory (test/bot/recording-chat.ts), which records every post, thread and sentence.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { EXPIRED_BUTTON, findSources, NO_TEXT, pressButton } from "../../src/bot/actions.ts";
import { type Bot, createBot } from "../../src/bot/bot.ts";
import {
  createDigestSubscriptions,
  digestCommandsFrom,
  digestComposer,
} from "../../src/digest/index.ts";
import { createRateLimiter, createStore, type Store } from "../../src/store/index.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { recordingChat, recordingTurn } from "./recording-chat.ts";

const QUESTION = "ask why does distribution usually win?";

let thesis: ThesisService;
let bot: Bot;
let store: Store;
let dataDir: string;
beforeAll(async () => {
  ({ thesis } = await seedsService());
  bot = createBot({ commands: thesisCommands, thesis, log: () => {} });
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-bot-actions-"));
  store = await createStore({ dataDir });
});
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const ids = (actions: { id: string }[]) => actions.map((a) => a.id);

describe("bot.run", () => {
  it("gives every private answer Share and Quote in thread, re-running the command text", async () => {
    const { reply, commandText } = await bot.run(
      recordingChat(),
      { user: { id: "U1" } },
      { text: QUESTION },
    );
    expect(commandText).toBe(QUESTION);
    expect(ids(reply.actions).slice(0, 2)).toEqual(["share", "thread"]);
    expect(reply.actions[0]?.value).toBe(QUESTION);
  });

  it("builds the same command text from structured options as from typed words", async () => {
    const typed = await bot.run(
      recordingChat(),
      { user: { id: "U1" } },
      { text: "bullbear  TAO " },
    );
    const options = await bot.run(
      recordingChat(),
      { user: { id: "U1" } },
      {
        name: "bullbear",
        options: { topic: "TAO" },
      },
    );
    expect(typed.commandText).toBe("bullbear TAO");
    expect(options.commandText).toBe("bullbear TAO");
    expect(options.reply).toEqual(typed.reply);
  });

  it("asks the platform who is an admin only for a command that needs it, and refuses in its words", async () => {
    const digest = digestCommandsFrom(createDigestSubscriptions(store), digestComposer(thesis));
    const withDigest = createBot({ commands: thesisCommands, thesis, digest, log: () => {} });
    const chat = recordingChat({ admins: ["UADMIN"] });
    let asked = 0;
    const counting = {
      ...chat,
      isAdmin: async (user: { id: string }) => {
        asked++;
        return chat.isAdmin(user);
      },
    };
    await withDigest.run(counting, { user: { id: "U1" }, channelId: "C1" }, { text: QUESTION });
    await withDigest.run(
      counting,
      { user: { id: "U1" }, channelId: "C1" },
      { text: "digest status" },
    );
    expect(asked).toBe(0);
    const refused = await withDigest.run(
      counting,
      { user: { id: "U1" }, channelId: "C1" },
      { text: "digest on" },
    );
    expect(refused.reply.summary).toBe(
      "Only workspace admins can change the digest for this channel.",
    );
    const allowed = await withDigest.run(
      counting,
      { user: { id: "UADMIN" }, channelId: "C1" },
      { text: "digest on" },
    );
    expect(allowed.reply.summary).toContain("Daily digest is on for this channel");
    expect(asked).toBe(2);
  });

  it("limits chat users but never the console, and help is never limited", async () => {
    const limiter = createRateLimiter(store, {
      perUser: { limit: 1, windowMs: 60_000 },
      perChannel: null,
      // One fixed instant: the limit counts in fixed windows, and a slow run must not cross one.
      now: () => new Date("2026-05-04T10:00:30Z"),
    });
    const limited = createBot({ commands: thesisCommands, thesis, limiter, log: () => {} });
    const who = { user: { id: "U-LIMIT" }, channelId: "C1" };
    expect((await limited.run(recordingChat(), who, { text: QUESTION })).reply.kind).toBe("answer");
    const second = await limited.run(recordingChat(), who, { text: QUESTION });
    expect(second.reply.title).toBe("One moment, please");
    expect((await limited.run(recordingChat(), who, { text: "help" })).reply.kind).not.toBe(
      "error",
    );
    const console = recordingChat({ platform: "console" });
    for (let i = 0; i < 3; i++)
      expect((await limited.run(console, who, { text: QUESTION })).reply.kind).toBe("answer");
  });

  it("turns a failing subcommand into one sentence and logs it", async () => {
    const logged: string[] = [];
    const broken = {
      ...thesis,
      ask: () => {
        throw new Error("index broke");
      },
    };
    const failing = createBot({
      commands: thesisCommands,
      thesis: broken,
      log: (m) => logged.push(m),
    });
    const { reply } = await failing.run(
      recordingChat(),
      { user: { id: "U1" } },
      { text: QUESTION },
    );
    expect(reply.kind).toBe("error");
    expect(reply.summary).toMatch(/^Something went wrong while answering that\./);
    expect(logged).toEqual(["/thesis ask failed"]);
  });
});

describe("buttons", () => {
  it("Share posts the answer publicly without Share, and tells the presser where", async () => {
    const chat = recordingChat();
    const turn = recordingTurn({ id: "U1" }, "C1");
    await pressButton(bot, chat, turn, { actionId: "share", commandText: QUESTION });
    expect(chat.posts).toHaveLength(1);
    const [posted] = chat.posts;
    expect(posted?.place).toEqual({ channelId: "C1" });
    expect(posted?.reply.visibility).toBe("public");
    expect(ids(posted?.reply.actions ?? [])).not.toContain("share");
    expect(ids(posted?.reply.actions ?? [])).toContain("thread");
    expect(turn.sentences).toEqual(["Shared in this channel."]);
  });

  it("Quote in thread on a private answer posts it publicly, then each passage in a thread on it", async () => {
    const chat = recordingChat();
    const turn = recordingTurn({ id: "U1" }, "C1");
    await pressButton(bot, chat, turn, { actionId: "thread", commandText: QUESTION });
    expect(chat.posts).toHaveLength(1);
    expect(ids(chat.posts[0]?.reply.actions ?? [])).not.toContain("thread");
    expect(chat.threads).toEqual([
      { on: { channelId: "C1", messageId: "m1" }, title: chat.posts[0]?.reply.title },
    ]);
    expect(chat.passages[0]?.place).toEqual({ channelId: "C1", threadId: "m1" });
    expect(turn.sentences).toEqual(["Quoted the passages in the thread."]);
  });

  it("Quote in thread on a public message threads on that message instead of posting again", async () => {
    const chat = recordingChat();
    const turn = {
      ...recordingTurn({ id: "U1" }, "C1"),
      message: { channelId: "C1", messageId: "PUBLIC1", public: true },
    };
    await pressButton(bot, chat, turn, { actionId: "thread", commandText: QUESTION });
    expect(chat.posts).toHaveLength(0);
    expect(chat.threads[0]?.on.messageId).toBe("PUBLIC1");
    expect(chat.passages).toHaveLength(1);
  });

  it("pages in place, shows other buttons' answers privately, and says when a button expired", async () => {
    const chat = recordingChat();
    const paging = recordingTurn({ id: "U1" }, "C1");
    const pages: unknown[] = [];
    await pressButton(
      bot,
      chat,
      { ...paging, respond: async (_r, o) => void pages.push(o) },
      {
        actionId: "page",
        commandText: "risks",
        page: 2,
      },
    );
    expect(pages).toEqual([{ replace: true, commandText: "risks", page: 2 }]);
    const bear = recordingTurn({ id: "U1" }, "C1");
    await pressButton(bot, chat, bear, { actionId: "bearcase", commandText: "bullbear tao" });
    expect(bear.replies[0]?.title).toMatch(/^Bull and bear/);
    expect(bear.replies[0]?.visibility).toBe("private");
    const expired = recordingTurn({ id: "U1" }, "C1");
    await pressButton(bot, chat, expired, { actionId: "share", commandText: undefined });
    expect(expired.sentences).toEqual([EXPIRED_BUTTON]);
    expect(chat.posts).toHaveLength(0);
  });

  it("never posts a usage or error reply publicly", async () => {
    const chat = recordingChat();
    const turn = recordingTurn({ id: "U1" }, "C1");
    await pressButton(bot, chat, turn, { actionId: "share", commandText: "bullbear" });
    expect(chat.posts).toHaveLength(0);
    expect(turn.replies[0]?.kind).toBe("usage");
  });
});

describe("Find sources", () => {
  const target = { channelId: "C1", messageId: "MSG1" };

  it("posts the lead and then each passage in a thread on the message", async () => {
    const chat = recordingChat();
    const turn = recordingTurn({ id: "U1" }, "C1");
    await findSources(bot, chat, turn, target, "distribution usually wins over better models");
    expect(chat.threads[0]?.on).toEqual(target);
    expect(chat.threads[0]?.title).toBe("Sources: distribution usually wins over better models");
    expect(chat.posts[0]?.place).toEqual({ channelId: "C1", threadId: "MSG1" });
    expect(chat.posts[0]?.reply.sections).toEqual([]);
    const passages = chat.passages[0]?.reply.sections.flatMap((s) => s.citations) ?? [];
    expect(passages.length).toBeGreaterThan(0);
    expect(turn.sentences).toEqual([
      `Posted ${passages.length} passage${passages.length === 1 ? "" : "s"} in the thread.`,
    ]);
  });

  it("answers privately when nothing answers, and says so when the message has no text", async () => {
    const chat = recordingChat();
    const nothing = recordingTurn({ id: "U1" }, "C1");
    await findSources(bot, chat, nothing, target, "zebra quilting recipes for submarine cooks");
    expect(nothing.replies[0]?.kind).toBe("empty");
    const blank = recordingTurn({ id: "U1" }, "C1");
    await findSources(bot, chat, blank, target, "   ");
    expect(blank.sentences).toEqual([NO_TEXT]);
    expect(chat.threads).toHaveLength(0);
  });
});
