import { afterEach, describe, expect, it } from "vitest";
import { BERLIN_CHANNEL, createHarness, type Harness } from "./harness.ts";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

const SLACK_CHANNEL = { platform: "slack", channelId: "C123", guildOrTeamId: "T1" } as const;

describe("digest subscriptions", () => {
  it("defaults to 09:00 UTC and says when the first digest comes", async () => {
    harness = createHarness("2026-05-04T10:00:00Z");
    const subs = harness.subscriptions(await harness.openStore());
    const result = await subs.subscribe(SLACK_CHANNEL);
    expect(result.ok && result.subscription).toMatchObject({ time: "09:00", timezone: "UTC" });
    expect(result.ok && result.nextPostAt.toISOString()).toBe("2026-05-05T09:00:00.000Z");
    expect(result.ok && result.message).toContain("First post: 2026-05-05 09:00");
  });

  it("answers bad times and zones with a sentence saying what to type", async () => {
    harness = createHarness("2026-05-04T10:00:00Z");
    const subs = harness.subscriptions(await harness.openStore());
    expect(await subs.subscribe(SLACK_CHANNEL, "25:00", "UTC")).toEqual({
      ok: false,
      error:
        '"25:00" is not a time of day. Use HH:MM on a 24-hour clock, for example 09:00 or 17:30.',
    });
    const zone = await subs.subscribe(SLACK_CHANNEL, "09:00", "Mars/Olympus");
    expect(zone).toEqual({
      ok: false,
      error:
        '"Mars/Olympus" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.',
    });
    expect((await subs.subscribe(SLACK_CHANNEL, "9:60", "UTC")).ok).toBe(false);
    expect((await subs.subscribe(SLACK_CHANNEL, "09:00", "+01:00")).ok).toBe(false);
    expect(await subs.list()).toEqual([]);
  });

  it("accepts loose spellings and stores them canonically", async () => {
    harness = createHarness("2026-05-04T10:00:00Z");
    const subs = harness.subscriptions(await harness.openStore());
    const result = await subs.subscribe(BERLIN_CHANNEL, "7:05", "europe/berlin");
    expect(result.ok && result.subscription).toMatchObject({
      time: "07:05",
      timezone: "Europe/Berlin",
    });
  });

  it("status gives the next post in the channel's zone, and knows when today's is done", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    const store = await harness.openStore();
    const subs = harness.subscriptions(store);
    expect((await subs.status(BERLIN_CHANNEL)).subscribed).toBe(false);
    await subs.subscribe(BERLIN_CHANNEL, "09:00", "Europe/Berlin");

    harness.time.set("2026-05-04T05:00:00Z"); // 07:00 Berlin
    const before = await subs.status(BERLIN_CHANNEL);
    expect(before.subscribed && before.nextPostLocal).toBe("2026-05-04 09:00");
    expect(before.subscribed && before.nextPostAt.toISOString()).toBe("2026-05-04T07:00:00.000Z");

    harness.time.set("2026-05-04T08:00:00Z"); // 10:00 Berlin, the bot has not posted yet
    const due = await subs.status(BERLIN_CHANNEL);
    expect(due.message).toContain("Next post: now");

    await harness.startInstance();
    await harness.settle();
    const after = await subs.status(BERLIN_CHANNEL);
    expect(after.subscribed && after.nextPostLocal).toBe("2026-05-05 09:00");
    expect(after.subscribed && after.lastPost).toMatchObject({ localDate: "2026-05-04" });
  });

  it("turning the digest off stops the posts", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    const store = await harness.openStore();
    const subs = harness.subscriptions(store);
    await subs.subscribe(BERLIN_CHANNEL, "09:00", "Europe/Berlin");
    expect(await subs.unsubscribe(BERLIN_CHANNEL)).toMatchObject({ removed: true });
    expect(await subs.unsubscribe(BERLIN_CHANNEL)).toEqual({
      removed: false,
      message: "This channel had no daily digest to turn off.",
    });
    await harness.startInstance();
    await harness.advanceTo("2026-05-05T12:00:00Z");
    expect(harness.chat.messages).toEqual([]);
  });

  it("subscriptions survive a restart on the SQLite file", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    const first = await harness.openStore();
    await harness.subscriptions(first).subscribe(BERLIN_CHANNEL, "08:30", "Europe/Berlin");
    await harness.subscriptions(first).subscribe(SLACK_CHANNEL);
    await first.close();
    const second = await harness.openStore();
    const listed = await harness.subscriptions(second).list();
    expect(listed.map((s) => [s.channel.channelId, s.time, s.timezone]).sort()).toEqual([
      ["C123", "09:00", "UTC"],
      ["c-berlin", "08:30", "Europe/Berlin"],
    ]);
  });
});
