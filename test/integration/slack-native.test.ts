// Slack feeling native, through the real Bolt app over signed requests and the real
// commands over the seeds: a follow-up in a thread read with the thread's answer, the App
// Home tab, and one welcome when the bot joins a channel.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { FAKE_BOT_USER_ID } from "../fakes/slack-api.ts";
import { clickButton, type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  const { thesis } = await seedsService();
  h = await startSlackHarness({ commands: thesisCommands, thesis });
});
afterAll(() => h?.close());
beforeEach(() => {
  h.fake.calls.length = 0;
});

let eventCounter = 0;
const eventId = () => `EvNative${++eventCounter}`;

/** Clicks a button on a private answer, as Slack sends it. */
const click = (actionId: string, value: string) => clickButton(h, actionId, value);

/** The command a public answer carries in its metadata (what a follow-up builds on). */
const commandOf = (post: { args: Record<string, unknown> } | undefined) =>
  (post?.args.metadata as { event_payload?: { command?: string } } | undefined)?.event_payload
    ?.command;

/**
 * `/thesis <command>` quoted in a thread, then a mention saying `text` in that thread: the
 * bot's post that answers the mention, and the thread's ts.
 */
async function followUp(command: string, text: string, ts: string) {
  await click("thesis_thread", command);
  await h.fake.waitForCalls("response_url", 1, 10_000);
  const threadTs = String(h.fake.callsTo("chat.postMessage")[1]?.args.thread_ts);
  const before = h.fake.callsTo("chat.postMessage").length;
  await h.event(
    {
      type: "app_mention",
      user: "U2",
      text: `<@${FAKE_BOT_USER_ID}> ${text}`,
      ts,
      thread_ts: threadTs,
      channel: "C1",
    },
    eventId(),
  );
  const posts = await h.fake.waitForCalls("chat.postMessage", before + 1, 10_000);
  return { answer: posts[before], threadTs };
}

describe("Slack follow-ups in a thread", () => {
  it("reads “and what about Qwen?” after risks TAO as risks Qwen", async () => {
    // /thesis risks TAO, then Quote in thread: the answer is posted publicly with its command.
    const { answer, threadTs } = await followUp(
      "risks TAO",
      "and what about Qwen?",
      "1800000000.000100",
    );
    const [parent] = h.fake.callsTo("chat.postMessage");
    expect(parent?.args.metadata).toEqual({
      event_type: "thesis_answer",
      event_payload: { command: "risks TAO" },
    });
    const [read] = h.fake.callsTo("conversations.replies");
    // Read up to the mention, not past it.
    expect(read?.args).toMatchObject({
      channel: "C1",
      ts: threadTs,
      latest: "1800000000.000100",
      inclusive: "false",
    });
    expect(answer?.args.thread_ts).toBe(threadTs);
    expect(visibleText(answer?.args ?? {})).toContain("Risks about Qwen");
    expect(visibleText(answer?.args ?? {})).toContain("Qwen, DeepSeek, Kimi, GLM");
    // The follow-up's answer carries its own command, so the next follow-up builds on it.
    expect(answer?.args.metadata).toEqual({
      event_type: "thesis_answer",
      event_payload: { command: "risks Qwen" },
    });
  });

  it("reads “why?” as a question about the bot's latest message in the thread", async () => {
    const { answer } = await followUp("risks TAO", "why?", "1800000000.000200");
    // An ask about the last passage posted in the thread, not "why?" alone.
    expect(commandOf(answer)).toMatch(/^ask why\? \S+/);
    expect(visibleText(answer?.args ?? {})).toContain("> ");
  });

  it("asks in context when the words a follow-up names are no topic the corpus knows", async () => {
    const { answer } = await followUp("risks TAO", "really?", "1800000000.000250");
    // `risks really` is refused (no such topic), so the follow-up is asked instead.
    expect(commandOf(answer)).toMatch(/^ask really\? \S+/);
    expect(visibleText(answer?.args ?? {})).not.toContain("Unknown topic");
  });

  it("finds the bot's latest answer near the end of a 45-message thread", async () => {
    // A thread where the bot answered `bullbear TAO` early and `risks TAO` near the end, with
    // people talking in between, and Slack giving 15 messages a page.
    const channel = "CLONG";
    const threadTs = "1750000000.000000";
    const ts = (n: number) => `1750000000.${String(n).padStart(6, "0")}`;
    const answer = (command: string) => ({
      event_type: "thesis_answer",
      event_payload: { command },
    });
    for (let n = 0; n < 45; n++) {
      const message =
        n === 2
          ? { text: "Bull and bear case for TAO", metadata: answer("bullbear TAO") }
          : n === 41
            ? { text: "Risks about TAO", metadata: answer("risks TAO") }
            : n === 42
              ? { text: "The network could lose its best miners to rivals." }
              : { text: `message ${n} of the discussion`, user: `U${10 + (n % 3)}` };
      h.fake.addThreadMessage({ channel, ts: ts(n), threadTs, ...message });
    }
    h.fake.capRepliesPage(15);
    try {
      await h.event(
        {
          type: "app_mention",
          user: "U2",
          text: `<@${FAKE_BOT_USER_ID}> and what about Qwen?`,
          ts: "1750000000.000900",
          thread_ts: threadTs,
          channel,
        },
        eventId(),
      );
      const [posted] = await h.fake.waitForCalls("chat.postMessage", 1, 10_000);
      // The latest answer (risks TAO, message 42 of 45), not the early bullbear one.
      expect(posted?.args.metadata).toEqual(answer("risks Qwen"));
      expect(posted?.args.thread_ts).toBe(threadTs);
      expect(visibleText(posted?.args ?? {})).toContain("Risks about Qwen");
      // Read page by page with Slack's cursor, each page ending at the mention.
      const reads = h.fake.callsTo("conversations.replies");
      expect(reads).toHaveLength(3);
      expect(reads.map((r) => r.args.cursor)).toEqual([undefined, "at:15", "at:30"]);
      for (const read of reads) expect(read.args.latest).toBe("1750000000.000900");
    } finally {
      h.fake.capRepliesPage(Number.POSITIVE_INFINITY);
    }
  });

  it("answers a mention in a thread without an answer of the bot's as a question alone", async () => {
    await h.event(
      {
        type: "app_mention",
        user: "U2",
        text: `<@${FAKE_BOT_USER_ID}> why does open source AI become the default?`,
        ts: "1800000000.000300",
        thread_ts: "1790000000.000100",
        channel: "C9",
      },
      eventId(),
    );
    const [answer] = await h.fake.waitForCalls("chat.postMessage", 1, 10_000);
    expect(answer?.args.metadata).toEqual({
      event_type: "thesis_answer",
      event_payload: { command: "ask why does open source AI become the default?" },
    });
  });
});

describe("Slack language", () => {
  it("answers a German question with the sentence that the bot reads English", async () => {
    await h.slash("ask Warum gewinnt die Verteilung gegen die offenen Modelle?", "german");
    const [answer] = await h.fake.waitForCalls("response_url", 1, 10_000);
    expect(answer?.args.response_type).toBe("ephemeral");
    expect(visibleText(answer?.args ?? {})).toContain(
      "thesis-bot reads questions in English, and this one looks like another language.",
    );
  });
});

describe("Slack App Home", () => {
  it("publishes a home view with the commands, the sources and where the digest status is", async () => {
    await h.event({ type: "app_home_opened", user: "U3", channel: "D1", tab: "home" }, eventId());
    const [publish] = await h.fake.waitForCalls("views.publish", 1, 10_000);
    expect(publish?.args.user_id).toBe("U3");
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    const text = JSON.stringify(view.blocks);
    expect(text).toContain("/thesis ask");
    expect(text).toContain("/thesis risks [topic]");
    expect(text).toContain("China Wins");
    expect(text).toContain("/thesis digest status");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("publishes nothing for the Messages tab", async () => {
    await h.event(
      { type: "app_home_opened", user: "U3", channel: "D1", tab: "messages" },
      eventId(),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.fake.callsTo("views.publish")).toHaveLength(0);
  });
});

describe("Slack onboarding", () => {
  const joined = (user: string, channel: string) =>
    h.event({ type: "member_joined_channel", user, channel, team: "T1" }, eventId());

  it("welcomes once when the bot joins a channel, and not on a second join", async () => {
    await joined(FAKE_BOT_USER_ID, "CNEW");
    const [welcome] = await h.fake.waitForCalls("chat.postMessage", 1, 10_000);
    expect(welcome?.args.channel).toBe("CNEW");
    expect(visibleText(welcome?.args ?? {})).toContain("/thesis ask");
    await joined(FAKE_BOT_USER_ID, "CNEW");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("says nothing when someone else joins", async () => {
    await joined("U4", "COTHER");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
