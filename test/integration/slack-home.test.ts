// The Slack App Home through the real Bolt app: a signed app_home_opened publishes a view
// that lists this workspace's digests (read from the real store's subscriptions: channel,
// time, next and last post) and the sources with their dates, and never another
// workspace's channels.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import {
  channelKey,
  createDigestSubscriptions,
  digestCommandsFrom,
  digestComposer,
} from "../../src/digest/index.ts";
import { createRateLimiter } from "../../src/store/index.ts";
import { openRig, type Rig } from "../sources/rig.ts";
import { type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

let rig: Rig;
let h: SlackHarness;
beforeAll(async () => {
  rig = await openRig();
  const digest = digestCommandsFrom(
    createDigestSubscriptions(rig.store),
    digestComposer(rig.live.thesis, rig.store),
  );
  h = await startSlackHarness({
    commands: thesisCommands,
    thesis: rig.live.thesis,
    sources: rig.manager,
    digest,
    isAdmin: (id) => id === "U_ADMIN",
    limiter: createRateLimiter(rig.store, {
      perUser: { limit: 3, windowMs: 60_000 },
      perChannel: null,
      // One fixed instant: the limit counts in fixed windows, and a slow run must not cross one.
      now: () => new Date("2026-05-04T10:00:30Z"),
    }),
  });
});
afterAll(async () => {
  await h?.close();
  await rig?.close();
});
beforeEach(() => {
  h.fake.calls.length = 0;
});

let eventCounter = 0;
async function opened(user: string, team = "T1"): Promise<void> {
  const response = await h.event(
    { type: "app_home_opened", user, channel: "D1", tab: "home" },
    `EvHome${++eventCounter}`,
    undefined,
    team,
  );
  expect(response.status).toBe(200);
}

/** The text of the Daily digest section and what follows it in a published home view. */
async function publishedView(): Promise<{ text: string; blocks: unknown[] }> {
  const [publish] = await h.fake.waitForCalls("views.publish", 1, 10_000);
  const view = publish?.args.view as { type: string; blocks: unknown[] };
  expect(view.type).toBe("home");
  return { text: visibleText({ blocks: view.blocks }), blocks: view.blocks };
}

describe("Slack App Home", () => {
  it("says no channel has a digest yet in a workspace without one", async () => {
    await opened("U3", "T9");
    const { text } = await publishedView();
    expect(text).toContain("No channel here has a daily digest yet.");
  });

  it("lists each subscribed channel of this workspace with its time, next and last post", async () => {
    h.fake.setChannel("CRESEARCH", "research");
    // Turned on as people do it: /thesis digest on by an admin, in the channel.
    for (const [id, text, team, channel] of [
      ["on1", "digest on 09:00 Europe/Berlin", "T1", "CRESEARCH"],
      ["on2", "digest on 18:30 UTC", "T1", "CUNNAMED"],
      ["on3", "digest on 07:00 UTC", "T2", "CELSEWHERE"],
    ] as const) {
      await h.slash(text, id, { user_id: "U_ADMIN", team_id: team, channel_id: channel });
    }
    const turnedOn = await h.fake.waitForCalls("response_url", 3, 10_000);
    for (const call of turnedOn) expect(visibleText(call.args)).toContain("Daily digest is on");
    // CRESEARCH posted its digest on 2026-11-29 (the record the scheduler writes).
    await rig.store.digestHistory.set(
      channelKey({ platform: "slack", channelId: "CRESEARCH", guildOrTeamId: "T1" }),
      { localDate: "2026-11-29", messageId: "1764403200.000100", postedAt: "2026-11-29T08:00:00Z" },
    );

    await opened("U3", "T1");
    const { text, blocks } = await publishedView();
    expect(text).toContain("2 channels have a daily digest:");
    expect(text).toMatch(
      /#research: daily at 09:00 Europe\/Berlin · next \d{4}-\d{2}-\d{2} 09:00 · last posted 2026-11-29/,
    );
    // A channel Slack will not name is shown by its id; it has not posted yet.
    expect(text).toMatch(
      /CUNNAMED: daily at 18:30 UTC · next \d{4}-\d{2}-\d{2} 18:30 · not posted yet/,
    );
    // Another workspace's channel is never listed.
    expect(text).not.toContain("CELSEWHERE");
    expect(text).not.toContain("run /thesis digest status in a channel to see it");
    expect(h.fake.callsTo("conversations.info").map((c) => c.args.channel)).toEqual([
      "CRESEARCH",
      "CUNNAMED",
    ]);
    expect(blocks.length).toBeLessThanOrEqual(100);
  });

  it("lists the sources with their dates", async () => {
    await opened("U3", "T1");
    const { text } = await publishedView();
    expect(text).toContain("China Wins");
    // The seeds are folder files: each shows the day it was added.
    expect(text).toMatch(/folder \d{4}-\d{2}-\d{2} · id /);
  });

  it("spends none of the rate limit of someone who opens it", async () => {
    for (let n = 0; n < 4; n++) await opened("UHOME", "T1");
    await h.fake.waitForCalls("views.publish", 4, 10_000);
    // Four opens, and a limit of three commands a minute: the first command is still answered.
    await h.slash("ask why does distribution usually win?", "home-ask", { user_id: "UHOME" });
    const [answer] = await h.fake.waitForCalls("response_url", 1, 10_000);
    expect(visibleText(answer?.args ?? {})).toContain("distribution usually wins");
  });
});
