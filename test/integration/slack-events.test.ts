import { afterEach, describe, expect, it } from "vitest";
import {
  clickButton,
  mentionEvent,
  type SlackHarness,
  startSlackHarness,
  visibleText,
} from "./slack-harness.ts";
import { testCommands, tinyThesis } from "./slack-test-commands.ts";

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const start = async () => {
  harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
  return harness;
};
/** Lets a handler that was (wrongly) started finish, so a "nothing happened" check means it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

const mention = mentionEvent;

describe("Slack events", () => {
  it("answers a mention inside a thread in that thread, with quotes", async () => {
    const h = await start();
    const res = await h.event(mention({ thread_ts: "1700000000.000100" }), "Ev1");
    expect(res.status).toBe(200);
    const [post] = await h.fake.waitForCalls("chat.postMessage");
    expect(post?.args.channel).toBe("C1");
    expect(post?.args.thread_ts).toBe("1700000000.000100");
    expect(visibleText(post?.args ?? {})).toContain("> Open weights spread faster");
    // Everyone in the thread already sees it: no Share / Quote in thread buttons.
    expect(JSON.stringify(post?.args.blocks)).not.toContain("thesis_share");
  });

  it("answers a mention in a channel in a new thread under that message", async () => {
    const h = await start();
    await h.event(mention(), "Ev2");
    const [post] = await h.fake.waitForCalls("chat.postMessage");
    expect(post?.args.thread_ts).toBe("1700000100.000200");
  });

  it("answers a redelivered event (same event_id, X-Slack-Retry-Num: 1) only once", async () => {
    const h = await start();
    await h.event(mention(), "EvRetry");
    await h.fake.waitForCalls("chat.postMessage");
    const retry = await h.event(mention(), "EvRetry", 1);
    expect(retry.status).toBe(200);
    await settle();
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("ignores mentions written by bots", async () => {
    const h = await start();
    await h.event(mention({ bot_id: "B999" }), "EvBot1");
    await h.event(mention({ subtype: "bot_message", user: undefined }), "EvBot2");
    await settle();
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("Find sources on a message replies in that message's thread with the passages", async () => {
    const h = await start();
    const res = await h.interaction({
      type: "message_action",
      callback_id: "find_sources",
      trigger_id: "1.2.3",
      team: { id: "T1", domain: "fake" },
      user: { id: "U1", name: "ann", team_id: "T1" },
      channel: { id: "C1", name: "research" },
      message_ts: "1700000200.000300",
      message: {
        type: "message",
        user: "U2",
        ts: "1700000200.000300",
        text: "Validators get gamed and subnet emissions are wasted",
      },
      response_url: h.fake.responseUrl("shortcut"),
      token: "legacy",
      action_ts: "1700000201.000000",
    });
    expect(res.status).toBe(200);
    const [post] = await h.fake.waitForCalls("chat.postMessage");
    expect(post?.args.thread_ts).toBe("1700000200.000300");
    expect(visibleText(post?.args ?? {})).toContain("Subnet emissions reward whoever games");
  });
});

describe("Slack buttons", () => {
  const click = clickButton;

  it("Share to channel posts the same answer publicly", async () => {
    const h = await start();
    expect((await click(h, "thesis_share", "ask does distribution win")).status).toBe(200);
    const [post] = await h.fake.waitForCalls("chat.postMessage");
    expect(post?.args.channel).toBe("C1");
    expect(post?.args.thread_ts).toBeUndefined();
    expect(visibleText(post?.args ?? {})).toContain("> Open weights spread faster");
    expect(JSON.stringify(post?.args.blocks)).not.toContain("thesis_share");
  });

  it("Quote in thread posts the answer, then each passage as a reply in its thread", async () => {
    const h = await start();
    await click(h, "thesis_thread", "ask open weights and subnet emissions");
    const posts = await h.fake.waitForCalls("chat.postMessage", 3);
    const [parent, ...replies] = posts;
    expect(parent?.args.thread_ts).toBeUndefined();
    expect(replies.map((r) => r.args.thread_ts)).toEqual([
      "1700000000.000001",
      "1700000000.000001",
    ]);
    expect(visibleText(replies[0]?.args ?? {})).toContain("seeds/000_a.txt · lines 12–13");
    expect(visibleText(replies[1]?.args ?? {})).toContain("seeds/001_b.txt · line 40");
  });

  it("Show the bear case answers privately with the bear passage", async () => {
    const h = await start();
    await click(h, "thesis_bearcase", "bullbear open weights");
    const [answer] = await h.fake.waitForCalls("response_url");
    expect(answer?.args.response_type).toBe("ephemeral");
    expect(visibleText(answer?.args ?? {})).toContain("Subnet emissions reward whoever games");
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("tells the user in one sentence when Slack refuses the public post", async () => {
    const h = await start();
    h.fake.handle("chat.postMessage", () => ({ ok: false, error: "not_in_channel" }));
    await click(h, "thesis_share", "ask does distribution win");
    const [told] = await h.fake.waitForCalls("response_url");
    expect(told?.args.text).toBe(
      "I can't post in this channel yet. Invite me with /invite @thesis-bot, then try again.",
    );
    expect(h.logs.join("\n")).toContain("not_in_channel");
  });
});
