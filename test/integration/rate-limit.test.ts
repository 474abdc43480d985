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
import { type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

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
