// The daily digest through the real Bolt app's Web API client against the loopback fake
// Slack, driven by the real scheduler: one short post carrying its idempotency key in the
// message metadata, then the full quotes as replies in its thread (thread_ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { chatPoster } from "../../src/digest/chat-poster.ts";
import { digestIdempotencyKey } from "../../src/digest/index.ts";
import type { ChannelRef } from "../../src/store/types.ts";
import { seedsService } from "../answer/seeds-service.ts";
import type { RecordedCall } from "../fakes/slack-api.ts";
import { type DigestRig, flat, outcomes, startDigestRig } from "./digest-rig.ts";
import { type SlackHarness, startSlackHarness } from "./slack-harness.ts";

type Block = { type: string; text?: { text: string } };

let thesis: ThesisService;
let slack: SlackHarness;
let rig: DigestRig | undefined;

beforeAll(async () => {
  ({ thesis } = await seedsService());
  slack = await startSlackHarness({ commands: thesisCommands, thesis });
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});
afterAll(async () => {
  await slack?.close();
});

const postsIn = (channelId: string) =>
  slack.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === channelId);
const blocksOf = (call: RecordedCall) => (call.args.blocks ?? []) as Block[];
/** What a reader sees in the blocks: Slack's &amp; &lt; &gt; turned back into characters. */
const shown = (calls: RecordedCall[]) =>
  flat(
    calls
      .flatMap(blocksOf)
      .map((b) => b.text?.text ?? "")
      .join("\n")
      .replace(/^> ?/gm, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
  );

describe("daily digest on Slack", () => {
  it("posts the short digest at its slot, then every full quote in its thread", async () => {
    const channel: ChannelRef = { platform: "slack", channelId: "C0DIGEST1", guildOrTeamId: "T1" };
    rig = await startDigestRig({
      start: "2025-06-02T12:00:00Z",
      thesis,
      posters: { slack: chatPoster(slack.adapter.chatFor) },
      subscribe: [{ channel, time: "08:30", timezone: "America/New_York" }],
    });
    await rig.advanceTo("2025-06-02T12:29:00Z");
    expect(postsIn(channel.channelId)).toHaveLength(0);
    await rig.advanceTo("2025-06-02T13:00:00Z");

    const [post, ...replies] = postsIn(channel.channelId);
    const key = digestIdempotencyKey(channel, "2025-06-02");
    expect(post!.args.metadata).toEqual({ event_type: "thesis_digest", event_payload: { key } });
    expect(post!.args.thread_ts).toBeUndefined();
    const digest = await rig.compose(channel, "2025-06-02", { preview: true });
    expect(blocksOf(post!)[0]!.text!.text).toBe(digest.text.split("\n")[0]);
    expect(shown([post!])).toContain(flat(digest.text.split("\n").slice(1).join("\n")));

    const recorded = await rig.store.digestHistory.get(`slack:${channel.channelId}`);
    expect(recorded?.localDate).toBe("2025-06-02");
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.args.thread_ts).toBe(recorded!.messageId);
    for (const citation of [digest.pair!.bull, digest.pair!.bear, ...digest.risk!.citations]) {
      expect(shown(replies)).toContain(flat(citation.quote));
    }
    expect(outcomes(rig)).toEqual(["posted"]);
  });

  it("finds the day's post by the key in its metadata, as a restarted bot does before posting again", async () => {
    const channel: ChannelRef = { platform: "slack", channelId: "C0DIGEST2" };
    rig = await startDigestRig({
      start: "2025-06-02T06:00:00Z",
      thesis,
      posters: { slack: chatPoster(slack.adapter.chatFor) },
      subscribe: [{ channel, time: "09:00", timezone: "UTC" }],
    });
    await rig.advanceTo("2025-06-02T09:05:00Z");
    const recorded = await rig.store.digestHistory.get(`slack:${channel.channelId}`);
    const poster = chatPoster(slack.adapter.chatFor);
    const key = digestIdempotencyKey(channel, "2025-06-02");
    expect(await poster.findExisting!(channel, key)).toEqual({ messageId: recorded!.messageId });
    const tomorrow = digestIdempotencyKey(channel, "2025-06-03");
    expect(await poster.findExisting!(channel, tomorrow)).toBeNull();
  });

  it("posts the next day's digest with a different pair, each day once", async () => {
    const channel: ChannelRef = { platform: "slack", channelId: "C0DIGEST3" };
    rig = await startDigestRig({
      start: "2025-06-02T06:00:00Z",
      thesis,
      posters: { slack: chatPoster(slack.adapter.chatFor) },
      subscribe: [{ channel, time: "09:00", timezone: "UTC" }],
    });
    await rig.advanceTo("2025-06-03T12:00:00Z");
    const tops = postsIn(channel.channelId).filter((c) => !c.args.thread_ts);
    expect(tops.map((c) => blocksOf(c)[0]!.text!.text.slice(0, 27))).toEqual([
      "Daily digest for 2025-06-02",
      "Daily digest for 2025-06-03",
    ]);
    const bulls = tops.map((c) => blocksOf(c)[1]?.text?.text.split("\n")[0]);
    expect(bulls[0]).toMatch(/^Bull: /);
    expect(bulls[0]).not.toBe(bulls[1]);
  });
});
