// Who may turn the digest on or off on Slack: ADMIN_USERS plus the workspace's admins and
// owners, as the real Bolt app learns them from users.info on the loopback fake Slack. A
// failing users.info never grants admin, and ADMIN_USERS still work without it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ADMIN_ONLY = "Only workspace admins can change the digest for this channel.";

import { thesisCommands } from "../../commands/index.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import {
  createDigestSubscriptions,
  digestCommandsFrom,
  digestComposer,
} from "../../src/digest/index.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

const LISTED = "ULISTED";
const TURNED_ON = "Daily digest is on for this channel";

let thesis: ThesisService;
let dataDir: string;
let store: Store;

beforeAll(async () => {
  ({ thesis } = await seedsService());
  dataDir = mkdtempSync(path.join(tmpdir(), "thesis-slack-admins-"));
  store = await createStore({ dataDir });
});
afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startBot(): Promise<SlackHarness> {
  const digest = digestCommandsFrom(createDigestSubscriptions(store), digestComposer(thesis));
  return startSlackHarness({
    commands: thesisCommands,
    thesis,
    digest,
    isAdmin: (userId) => userId === LISTED,
  });
}

/** Sends `/thesis <text>` as `userId` in `channelId` and returns what the user reads back. */
async function run(slack: SlackHarness, userId: string, channelId: string, text: string) {
  const responseId = `${userId}-${channelId}-${slack.fake.callsTo("response_url").length}`;
  const before = slack.fake.callsTo("response_url").length;
  const res = await slack.slash(text, responseId, { user_id: userId, channel_id: channelId });
  expect(res.status).toBe(200);
  await slack.fake.waitForCalls("response_url", before + 1);
  const answer = slack.fake.callsTo("response_url").find((c) => c.responseId === responseId);
  return visibleText(answer?.args ?? {});
}

const lookupsOf = (slack: SlackHarness, userId: string) =>
  slack.fake.callsTo("users.info").filter((call) => call.args.user === userId).length;

describe("Slack workspace admins and the digest", () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startBot();
    slack.fake.setUser({ id: "UADMIN", is_admin: true });
    slack.fake.setUser({ id: "UOWNER", is_owner: true });
    slack.fake.setUser({ id: "UMEMBER" });
  });
  afterAll(() => slack?.close());

  it("lets a workspace admin who is not in ADMIN_USERS turn the digest on", async () => {
    const shown = await run(slack, "UADMIN", "CADM1", "digest on 09:00 Europe/Berlin");
    expect(shown).toContain(`${TURNED_ON} at 09:00 Europe/Berlin`);
    expect(lookupsOf(slack, "UADMIN")).toBe(1);
    // The answer is remembered: turning it off again asks Slack no second time.
    expect(await run(slack, "UADMIN", "CADM1", "digest off")).toContain(
      "Daily digest is off for this channel.",
    );
    expect(lookupsOf(slack, "UADMIN")).toBe(1);
  });

  it("lets a workspace owner turn the digest on", async () => {
    expect(await run(slack, "UOWNER", "CADM2", "digest on")).toContain(TURNED_ON);
  });

  it("politely refuses a regular member, who can still look at the status", async () => {
    expect(await run(slack, "UMEMBER", "CADM3", "digest on 09:00")).toContain(ADMIN_ONLY);
    const status = await run(slack, "UMEMBER", "CADM3", "digest status");
    expect(status).not.toContain(ADMIN_ONLY);
    expect(status).not.toContain(TURNED_ON);
  });

  it("asks Slack about roles only for commands that change settings", async () => {
    const before = slack.fake.callsTo("users.info").length;
    await run(slack, "UASKER", "CADM4", "digest status");
    await run(slack, "UASKER", "CADM4", "help");
    expect(slack.fake.callsTo("users.info").length).toBe(before);
  });
});

describe("Slack admins when users.info fails", () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startBot();
    slack.fake.setUser({ id: "UADMIN", is_admin: true });
    slack.fake.handle("users.info", () => ({ ok: false, error: "missing_scope" }));
  });
  afterAll(() => slack?.close());

  it("refuses users not in ADMIN_USERS, and logs why", async () => {
    expect(await run(slack, "UADMIN", "CFAIL1", "digest on")).toContain(ADMIN_ONLY);
    expect(lookupsOf(slack, "UADMIN")).toBe(1);
    expect(slack.logs.join("\n")).toMatch(/UADMIN is a workspace admin .*missing_scope/);
  });

  it("still lets an ADMIN_USERS user turn the digest on", async () => {
    expect(await run(slack, LISTED, "CFAIL2", "digest on")).toContain(TURNED_ON);
  });
});
