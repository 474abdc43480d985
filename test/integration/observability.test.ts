// Metrics, readiness, JSON logs and feedback votes, through the real Bolt app on the shared
// HTTP server, signed as Slack signs, against the loopback fake of Slack's Web API, with
// the real SQLite store. /metrics is scraped over HTTP as Prometheus would.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { SLACK_EVENTS_PATH } from "../../src/adapters/slack/index.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { createAppLog } from "../../src/app/log.ts";
import { createAppMetrics } from "../../src/app/metrics.ts";
import { createReadiness } from "../../src/app/readiness.ts";
import { createStoreFeedback } from "../../src/feedback/store-feedback.ts";
import { mountObservability } from "../../src/server/observability.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { runCliCapturing } from "../cli/capture.ts";
import { scrapeMetrics } from "./prometheus.ts";
import { type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

const QUESTION = "why does distribution usually win";
const ADMIN = "UADMIN";

let thesis: ThesisService;
let dataDir: string;
let store: Store;
let slack: SlackHarness;
const logLines: string[] = [];
let metrics: ReturnType<typeof createAppMetrics>;
let readiness: ReturnType<typeof createReadiness>;

beforeAll(async () => {
  ({ thesis } = await seedsService());
  dataDir = mkdtempSync(path.join(tmpdir(), "thesis-observability-"));
  store = await createStore({ dataDir });
  const log = createAppLog("info", (line) => logLines.push(line), "json");
  metrics = createAppMetrics(log);
  readiness = createReadiness(store);
  slack = await startSlackHarness({
    commands: thesisCommands,
    thesis,
    metrics,
    feedback: createStoreFeedback(store),
    isAdmin: (userId) => userId === ADMIN,
  });
  mountObservability(slack.server, {
    metrics,
    ready: () => readiness.check(),
    ackRoutes: [SLACK_EVENTS_PATH],
    ackSent: (route, seconds) => metrics.ackSent(route, seconds),
  });
});
afterAll(async () => {
  await slack?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends `/thesis <text>` as `userId` and returns the response_url call it got. */
async function command(text: string, userId = "U1") {
  const responseId = `r${slack.fake.callsTo("response_url").length}-${userId}`;
  const before = slack.fake.callsTo("response_url").length;
  const res = await slack.slash(text, responseId, { user_id: userId });
  expect(res.status).toBe(200);
  await slack.fake.waitForCalls("response_url", before + 1);
  const call = slack.fake.callsTo("response_url").find((c) => c.responseId === responseId);
  return call?.args ?? {};
}

async function click(actionId: string, value: string, userId: string) {
  const responseId = `b${slack.fake.callsTo("response_url").length}-${userId}`;
  const before = slack.fake.callsTo("response_url").length;
  const res = await slack.interaction({
    type: "block_actions",
    team: { id: "T1", domain: "fake" },
    user: { id: userId, username: userId, name: userId, team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    container: { type: "message", message_ts: "1.1", channel_id: "C1", is_ephemeral: true },
    trigger_id: "1.2.3",
    channel: { id: "C1", name: "research" },
    response_url: slack.fake.responseUrl(responseId),
    actions: [
      {
        type: "button",
        action_id: `thesis_${actionId}`,
        block_id: "b1",
        text: { type: "plain_text", text: "x" },
        value,
        action_ts: "1.2",
      },
    ],
  });
  expect(res.status).toBe(200);
  await slack.fake.waitForCalls("response_url", before + 1);
  const call = slack.fake.callsTo("response_url").find((c) => c.responseId === responseId);
  return visibleText(call?.args ?? {});
}

/** /metrics over HTTP, parsed by a Prometheus text-format parser. */
const scrape = () => scrapeMetrics(slack.base);

describe("GET /readyz", () => {
  it("is 503 until the index is loaded, then 200 while the store answers", async () => {
    expect((await fetch(`${slack.base}/readyz`)).status).toBe(503);
    readiness.indexLoaded();
    const ready = await fetch(`${slack.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
    // /healthz is unchanged.
    expect(await (await fetch(`${slack.base}/healthz`)).json()).toEqual({ ok: true });
  });
});

describe("a signed /thesis ask through Bolt", () => {
  let answer: Record<string, unknown>;
  beforeAll(async () => {
    answer = await command(`ask ${QUESTION}`);
  });

  it("is counted by platform and name, with its answer and ack latency observed", async () => {
    const scraped = await scrape();
    const labels = { platform: "slack", command: "ask", outcome: "answer" };
    expect(scraped.counter("thesis_commands_total", labels)).toBe(1);
    const answers = scraped.histogram("thesis_answer_seconds", {
      platform: "slack",
      command: "ask",
    });
    expect(answers.count).toBe(1);
    expect(scraped.families.find((f) => f.name === "thesis_answer_seconds")?.type).toBe(
      "HISTOGRAM",
    );
    const acks = scraped.histogram("thesis_ack_seconds", { route: SLACK_EVENTS_PATH });
    expect(acks.count).toBeGreaterThanOrEqual(1);
    // Acknowledged fast: every ack observed fell within the 1 s bucket.
    expect(acks.buckets.get("1")).toBe(acks.count);
    expect(acks.buckets.get("+Inf")).toBe(acks.count);
  });

  it("counts an answer that found nothing", async () => {
    await command("ask what is the airspeed velocity of an unladen swallow");
    const scraped = await scrape();
    expect(
      scraped.counter("thesis_nothing_found_total", { platform: "slack", command: "ask" }),
    ).toBe(1);
  });

  it("logs JSON lines with a request id and without the question at info", () => {
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const answered = lines.filter((l) => l.msg === "command answered");
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const line of answered) {
      expect(line.level).toBe("info");
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line).toMatchObject({ platform: "slack" });
      expect(typeof line.ms).toBe("number");
    }
    // Each interaction has its own id.
    expect(new Set(answered.map((l) => l.requestId)).size).toBe(answered.length);
    expect(logLines.join("\n")).not.toContain("distribution");
    expect(logLines.join("\n")).not.toContain("swallow");
  });

  it("carries 👍 and 👎 next to Share and Quote in thread", () => {
    const ids = JSON.stringify(answer.blocks);
    for (const id of ["thesis_share", "thesis_thread", "thesis_vote-up", "thesis_vote-down"])
      expect(ids).toContain(id);
  });
});

describe("votes on an answer", () => {
  const commandText = `ask ${QUESTION}`;

  it("records one vote per user: a second click replaces the first", async () => {
    expect(await click("vote-up", commandText, "U1")).toContain("Thanks — noted.");
    expect(await click("vote-down", commandText, "U1")).toContain("Thanks — noted.");
    expect(await click("vote-down", commandText, "U2")).toContain("Thanks — noted.");
    const records = (await store.feedback.list()).map((row) => row.value);
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.vote).sort()).toEqual(["down", "down"]);
    for (const record of records) {
      expect(record).toMatchObject({ answerKey: commandText, command: "ask", platform: "slack" });
      // Hashed, never the raw id.
      expect(record.userId).toMatch(/^[0-9a-f]{64}$/);
      expect(record.citations?.length).toBeGreaterThan(0);
      expect(record.citations?.[0]?.file).toMatch(/^seeds\//);
      expect(Number.isNaN(Date.parse(record.at))).toBe(false);
    }
    expect(new Set(records.map((r) => r.userId)).size).toBe(2);
    // The counter counts clicks; the store keeps each user's latest.
    const scraped = await scrape();
    const votes = (vote: string) =>
      scraped.counter("thesis_votes_total", { platform: "slack", command: "ask", vote });
    expect([votes("up"), votes("down")]).toEqual([1, 2]);
  });

  it("/thesis feedback shows admins the counts and the worst-rated question", async () => {
    const shown = visibleText(await command("feedback", ADMIN));
    expect(shown).toContain("2 votes on 1 answer: 0 👍, 2 👎.");
    expect(shown).toContain(`${commandText} (0 👍, 2 👎)`);
  });

  it("/thesis feedback is refused to everyone else in one sentence", async () => {
    const shown = visibleText(await command("feedback", "U3"));
    expect(shown).toContain("Only workspace admins can see the feedback.");
    expect(shown).not.toContain(QUESTION);
  });

  it("npx thesis-bot feedback --json reports the same counts", async () => {
    const run = await runCliCapturing(["feedback", "--json"], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ votes: 2, up: 0, down: 2, answers: 1 });
    expect(doc.byCommand).toEqual({ ask: { up: 0, down: 2 } });
    expect(doc.worst[0]).toMatchObject({ question: commandText, command: "ask", down: 2 });
    const text = await runCliCapturing(["feedback"], { DATA_DIR: dataDir });
    expect(text.stdout).toContain("2 votes on 1 answer");
  });
});

describe("GET /readyz when the store stops answering", () => {
  it("is 503", async () => {
    await store.close();
    expect((await fetch(`${slack.base}/readyz`)).status).toBe(503);
  });
});
