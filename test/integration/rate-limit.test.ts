// Rate limits on /thesis in chat, through the real Slack app: a user over budget gets a
// polite "try again in N seconds" instead of an answer; other users are unaffected.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { createThesisService } from "../../src/answer/service.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger } from "../../src/corpus/ledger.ts";
import { createRateLimiter, createStore, type Store } from "../../src/store/index.ts";
import { FAKE_BOT_USER_ID } from "../fakes/slack-api.ts";
import { clickButton, type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

let dir: string;
let store: Store;
let harness: SlackHarness;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "thesis-ratelimit-"));
  store = await createStore({ dataDir: dir });
  const limiter = createRateLimiter(store, {
    perUser: { limit: 2, windowMs: 60_000 },
    perChannel: null,
    // One fixed instant: the limit counts in fixed windows, and a slow run must not cross one.
    now: () => new Date("2026-05-04T10:00:30Z"),
  });
  const thesis = createThesisService(await buildLedger(path.join(PACKAGE_ROOT, "seeds")));
  harness = await startSlackHarness({ commands: thesisCommands, thesis, limiter });
});
afterAll(async () => {
  await harness?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("rate limits on /thesis", () => {
  it("answers a user twice, then asks them to wait, while another user is still answered", async () => {
    // One after another, each answered before the next is sent: the order the limit counts in
    // is then the order they were typed (sent at once, a slower first answer can be overtaken).
    for (const [n, id] of ["r1", "r2", "r3"].entries()) {
      expect(
        (await harness.slash("ask why does distribution usually win?", id, { user_id: "U_BUSY" }))
          .status,
      ).toBe(200);
      await harness.fake.waitForCalls("response_url", n + 1, 10_000);
    }
    await harness.slash("ask why does distribution usually win?", "r4", { user_id: "U_CALM" });
    const replies = await harness.fake.waitForCalls("response_url", 4, 10_000);
    const byId = new Map(replies.map((call) => [call.responseId, visibleText(call.args)]));
    expect(byId.get("r1")).toContain("distribution usually wins");
    expect(byId.get("r2")).toContain("distribution usually wins");
    expect(byId.get("r3")).toMatch(
      /You have used \/thesis 2 times in the last minute\. Try again in \d+ seconds\./,
    );
    expect(byId.get("r3")).not.toContain("distribution usually wins");
    expect(byId.get("r4")).toContain("distribution usually wins");
  });
});

describe("rate limits on a follow-up in a thread", () => {
  it("counts a follow-up once when its first reading gives way to ask in context", async () => {
    harness.fake.calls.length = 0;
    // A thread where the bot answered risks TAO (Quote in thread, clicked by someone else).
    await clickButton(harness, "thesis_thread", "risks TAO");
    await harness.fake.waitForCalls("response_url", 1, 10_000);
    const threadTs = String(harness.fake.callsTo("chat.postMessage")[1]?.args.thread_ts);
    // U_FOLLOW has one answer left this minute (limit 2).
    await harness.slash("ask why does distribution usually win?", "f1", { user_id: "U_FOLLOW" });
    await harness.fake.waitForCalls("response_url", 2, 10_000);
    const before = harness.fake.callsTo("chat.postMessage").length;

    // "really?" is read first as `risks really` (no such topic), then as ask in context: two
    // readings of one message, which must cost one.
    await harness.event(
      {
        type: "app_mention",
        user: "U_FOLLOW",
        text: `<@${FAKE_BOT_USER_ID}> really?`,
        ts: "1800000000.000500",
        thread_ts: threadTs,
        channel: "C1",
      },
      "EvRateFollow1",
    );
    const posts = await harness.fake.waitForCalls("chat.postMessage", before + 1, 10_000);
    const answer = posts[before];
    expect(answer?.args.thread_ts).toBe(threadTs);
    expect(visibleText(answer?.args ?? {})).not.toContain("You have used /thesis");
    const command = (answer?.args.metadata as { event_payload?: { command?: string } })
      ?.event_payload?.command;
    expect(command).toMatch(/^ask really\? \S+/);

    // It counted exactly once: the limit is now spent, so the next command is refused.
    await harness.slash("ask why does distribution usually win?", "f2", { user_id: "U_FOLLOW" });
    const replies = await harness.fake.waitForCalls("response_url", 3, 10_000);
    expect(visibleText(replies.find((r) => r.responseId === "f2")?.args ?? {})).toMatch(
      /You have used \/thesis 2 times in the last minute\./,
    );
  });
});
