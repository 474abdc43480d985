import { afterEach, describe, expect, it } from "vitest";
import { BERLIN_CHANNEL, createHarness, type Harness, type InstanceOptions } from "./harness.ts";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

async function subscribeBerlinAt(h: Harness, at: string) {
  h.time.set(at);
  const store = await h.openStore();
  const result = await h.subscriptions(store).subscribe(BERLIN_CHANNEL, "09:00", "Europe/Berlin");
  expect(result.ok).toBe(true);
}

const postedAt = (h: Harness) => h.chat.messages.map((message) => message.at);

describe("digest scheduler: local time across daylight saving", () => {
  it("posts at 09:00 Berlin time on both sides of the spring change (08:00Z, then 07:00Z)", async () => {
    harness = createHarness("2026-03-27T12:00:00Z");
    await subscribeBerlinAt(harness, "2026-03-27T12:00:00Z");
    await harness.startInstance();
    await harness.advanceTo("2026-03-30T00:00:00Z");
    expect(postedAt(harness)).toEqual(["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z"]);
    expect(harness.chat.messages.map((m) => m.idempotencyKey)).toEqual([
      "digest:discord:c-berlin:2026-03-28",
      "digest:discord:c-berlin:2026-03-29",
    ]);
  });

  it("posts at 09:00 Berlin time on both sides of the autumn change (07:00Z, then 08:00Z)", async () => {
    harness = createHarness("2026-10-23T12:00:00Z");
    await subscribeBerlinAt(harness, "2026-10-23T12:00:00Z");
    await harness.startInstance();
    await harness.advanceTo("2026-10-26T00:00:00Z");
    expect(postedAt(harness)).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z"]);
  });

  it("does not post today's slot if the channel subscribed after it passed", async () => {
    harness = createHarness("2026-05-04T13:00:00Z");
    await subscribeBerlinAt(harness, "2026-05-04T13:00:00Z"); // 15:00 Berlin, after 09:00
    await harness.startInstance();
    await harness.advanceTo("2026-05-05T06:59:00Z");
    expect(harness.chat.messages).toEqual([]);
    await harness.advanceTo("2026-05-05T12:00:00Z");
    expect(postedAt(harness)).toEqual(["2026-05-05T07:00:00.000Z"]);
  });
});

describe("digest scheduler: restarts", () => {
  it("a restart after posting does not post again the same day", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    await subscribeBerlinAt(harness, "2026-05-03T12:00:00Z");
    const first = await harness.startInstance();
    await harness.advanceTo("2026-05-04T08:00:00Z");
    expect(harness.chat.messages).toHaveLength(1);
    harness.crash(first.scheduler);
    await first.store.close();

    await harness.startInstance();
    await harness.advanceTo("2026-05-04T21:00:00Z");
    expect(harness.chat.messages).toHaveLength(1);
  });

  it("a restart after a missed slot posts once, at once, the same local day", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    await subscribeBerlinAt(harness, "2026-05-03T12:00:00Z");
    harness.time.set("2026-05-04T09:30:00Z"); // 11:30 Berlin: the bot was down at 09:00
    await harness.startInstance();
    await harness.settle();
    expect(harness.chat.messages.map((m) => [m.at, m.idempotencyKey])).toEqual([
      ["2026-05-04T09:30:00.000Z", "digest:discord:c-berlin:2026-05-04"],
    ]);
    await harness.startInstance(); // and a second restart later that day
    await harness.advanceTo("2026-05-04T21:00:00Z");
    expect(harness.chat.messages).toHaveLength(1);
  });

  it("a bot down over a whole day does not post the old day's digest the next day", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    await subscribeBerlinAt(harness, "2026-05-03T12:00:00Z");
    harness.time.set("2026-05-05T05:00:00Z"); // 07:00 Berlin on the 5th; the 4th was missed
    await harness.startInstance();
    await harness.advanceTo("2026-05-05T06:59:00Z");
    expect(harness.chat.messages).toEqual([]);
    await harness.advanceTo("2026-05-05T20:00:00Z");
    expect(harness.chat.messages.map((m) => m.idempotencyKey)).toEqual([
      "digest:discord:c-berlin:2026-05-05",
    ]);
  });
});

describe("digest scheduler: crashes mid-post", () => {
  /** Starts a bot, lets it reach 09:00 Berlin and kills it once `stage` has happened. */
  async function crashDuringPost(h: Harness, stage: Promise<void>, options: InstanceOptions) {
    await subscribeBerlinAt(h, "2026-05-03T12:00:00Z");
    const doomed = await h.startInstance(options);
    await h.settle();
    h.time.set("2026-05-04T07:00:00Z");
    void doomed.scheduler.runDue();
    await stage;
    h.crash(doomed.scheduler);
  }

  it("a crash between sending and recording does not post twice", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    const delivered = harness.chat.crashAfterNextDelivery();
    await crashDuringPost(harness, delivered, {});
    expect(harness.chat.messages).toHaveLength(1); // delivered, but never recorded

    harness.time.set("2026-05-04T07:10:00Z"); // restarted after the crashed claim's lease ran out
    const second = await harness.startInstance();
    await harness.advanceTo("2026-05-04T21:00:00Z");
    expect(harness.chat.messages).toHaveLength(1);
    const status = await harness.subscriptions(second.store).status(BERLIN_CHANNEL);
    expect(status.subscribed && status.lastPost?.messageId).toBe("m1");
    expect(harness.reports.map((r) => r.result.outcome)).toContain("recovered");
  });

  it("without a way to search the channel, an interrupted send is given up rather than repeated", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    const delivered = harness.chat.crashAfterNextDelivery();
    await crashDuringPost(harness, delivered, { canSearch: false });

    harness.time.set("2026-05-04T07:10:00Z");
    await harness.startInstance({ canSearch: false });
    await harness.advanceTo("2026-05-05T06:00:00Z");
    expect(harness.chat.messages).toHaveLength(1);
    await harness.advanceTo("2026-05-05T08:00:00Z"); // the next day posts normally
    expect(harness.chat.messages).toHaveLength(2);
  });

  it("a crash before sending lets the restarted bot post once, after the lease", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    let composing = () => {};
    const composeStarted = new Promise<void>((resolve) => {
      composing = resolve;
    });
    const hang = () => {
      composing();
      return new Promise<never>(() => {});
    };
    await crashDuringPost(harness, composeStarted, { compose: hang });
    expect(harness.chat.messages).toEqual([]);

    harness.time.set("2026-05-04T07:03:00Z"); // the dead bot's lease still holds: wait
    await harness.startInstance();
    await harness.settle();
    expect(harness.chat.messages).toEqual([]);
    await harness.advanceTo("2026-05-04T21:00:00Z");
    expect(harness.chat.messages).toHaveLength(1);
  });
});

describe("digest scheduler: several bots on one SQLite file", () => {
  it("two schedulers sharing the file post exactly once", async () => {
    harness = createHarness("2026-05-03T12:00:00Z");
    await subscribeBerlinAt(harness, "2026-05-03T12:00:00Z");
    await harness.startInstance();
    await harness.startInstance();
    await harness.advanceTo("2026-05-06T00:00:00Z");
    expect(harness.chat.messages.map((m) => m.idempotencyKey)).toEqual([
      "digest:discord:c-berlin:2026-05-04",
      "digest:discord:c-berlin:2026-05-05",
    ]);
  });
});
