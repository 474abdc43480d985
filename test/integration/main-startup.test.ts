// Start-up and shutdown of the whole process in-process (runApp with our own streams):
// fixable start-up errors are one sentence and exit 1; serve mode starts every configured
// adapter with one line each and stops cleanly on a signal.

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runApp } from "../../src/app/run.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/slack-api.ts";
import { appIo } from "./app-io.ts";
import { slackServeEnv as serveEnvFor } from "./serve-env.ts";
import { signSlack } from "./slack-harness.ts";

let dataDir: string;
let fake: FakeSlackApi | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-startup-"));
});
const io = (env: Record<string, string>, mode?: "serve") =>
  appIo({ DATA_DIR: dataDir, ...env }, mode);
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

it("a bad variable is named in one message, exit 1, no stack trace", async () => {
  const run = io({ PORT: "eighty" });
  expect(await runApp(run.app)).toBe(1);
  expect(run.log()).toContain("thesis-bot could not start.");
  expect(run.log()).toContain("PORT: must be a port number");
  expect(run.log()).not.toMatch(/\n\s+at /);
});

it("CORPUS_DIR that is a file and DATA_DIR that is a file are each one sentence, exit 1", async () => {
  const file = path.join(dataDir, "notes.txt");
  await writeFile(file, "A file, not a folder.\n");
  const corpus = io({ CORPUS_DIR: file });
  expect(await runApp(corpus.app)).toBe(1);
  expect(corpus.log().trim().split("\n")).toEqual([
    `error: thesis-bot could not start. CORPUS_DIR (${file}) is a file, not a folder: set CORPUS_DIR to a folder of .txt or .md articles.`,
  ]);
  const data = io({ DATA_DIR: file });
  expect(await runApp(data.app)).toBe(1);
  expect(data.log()).toContain(`DATA_DIR (${file}) is a file, not a folder`);
  expect(data.log()).not.toMatch(/\n\s+at /);
});

it("an empty CORPUS_DIR starts with a one-sentence warning instead of silently", async () => {
  const empty = path.join(dataDir, "empty-corpus");
  await mkdir(empty);
  const run = io({ CORPUS_DIR: empty });
  run.stdin.end();
  expect(await runApp(run.app)).toBe(0);
  expect(run.log()).toContain(
    `warn: CORPUS_DIR (${empty}) holds no readable .txt or .md article, so every answer will be "nothing found": add articles there or point CORPUS_DIR elsewhere.\n`,
  );
  expect(run.log()).toContain("Corpus: 0 sources");
});

it("an index written by a newer thesis-bot is refused with how to fix it", async () => {
  await mkdir(path.join(dataDir, "index"), { recursive: true });
  await writeFile(
    path.join(dataDir, "index", "ledger.json"),
    JSON.stringify({ schemaVersion: 99 }),
  );
  const run = io({});
  expect(await runApp(run.app)).toBe(1);
  expect(run.log()).toContain("schema version 99");
  expect(run.log()).toContain("delete the file");
  expect(run.log()).not.toMatch(/\n\s+at /);
});

/** Serve mode with Slack over HTTP against a fresh fake of Slack's API, on a free port. */
async function slackServeEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  fake = await startFakeSlackApi();
  return serveEnvFor(fake.apiUrl, extra);
}

it("serve mode says each adapter is up, answers /healthz, and stops on SIGTERM", async () => {
  const run = io(await slackServeEnv());
  const exited = runApp(run.app);
  await run.logged("Slack: up (HTTP, POST /slack/events).");
  const port = /listening on 127\.0\.0\.1:(\d+)/.exec(run.log())?.[1];
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(await health.json()).toEqual({ ok: true });
  run.signal("SIGTERM");
  expect(await exited).toBe(0);
  expect(run.log()).toContain("SIGTERM: shutting down.");
  expect(run.log()).toContain("Stopped.");
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
});

it("serve mode logs JSON lines by default and answers /readyz and /metrics", async () => {
  const run = io(await slackServeEnv({ LOG_FORMAT: "" }));
  const exited = runApp(run.app);
  await run.logged("Slack: up (HTTP, POST /slack/events).");
  const lines = run
    .log()
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { level: string; msg: string; time: string });
  expect(lines.map((l) => l.msg)).toContain("Slack: up (HTTP, POST /slack/events).");
  expect(lines.every((l) => l.level && !Number.isNaN(Date.parse(l.time)))).toBe(true);
  const port = /listening on 127\.0\.0\.1:(\d+)/.exec(run.log())?.[1];
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  expect(ready.status).toBe(200);
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  expect(metrics).toContain("# TYPE thesis_commands_total counter");
  expect(metrics).toContain("# TYPE thesis_ack_seconds histogram");
  run.signal("SIGTERM");
  expect(await exited).toBe(0);
});

it("serve mode refuses a malformed signed request with 400, logs why at debug level, and holds the safety net while serving", async () => {
  const run = io(await slackServeEnv({ LOG_LEVEL: "debug" }));
  const netsBefore = process.listenerCount("unhandledRejection");
  const exited = runApp(run.app);
  await run.logged("Slack: up (HTTP, POST /slack/events).");
  expect(process.listenerCount("unhandledRejection")).toBe(netsBefore + 1);
  const port = /listening on 127\.0\.0\.1:(\d+)/.exec(run.log())?.[1];
  const timestamp = Math.floor(Date.now() / 1000);
  const answer = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlack("null", timestamp, "test-secret"),
    },
    body: "null",
  });
  expect(answer.status).toBe(400);
  expect(run.log()).toContain("debug: Slack: refused a request with 400 (the body is null).");
  run.signal("SIGTERM");
  expect(await exited).toBe(0);
  expect(process.listenerCount("unhandledRejection")).toBe(netsBefore);
});

it("serve mode listens while the index loads: /readyz 503 and Slack told to come back, then both ready", async () => {
  const run = io(await slackServeEnv());
  const exited = runApp(run.app);
  await run.logged("HTTP: listening on");
  const base = `http://127.0.0.1:${/listening on 127\.0\.0\.1:(\d+)/.exec(run.log())?.[1]}`;
  const slash = (responseId: string) => {
    const body = new URLSearchParams({
      team_id: "T1",
      channel_id: "C1",
      user_id: "U1",
      command: "/thesis",
      text: "ask why does distribution win",
      api_app_id: "A1",
      response_url: fake?.responseUrl(responseId) ?? "",
      trigger_id: "1.2.3",
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`${base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signSlack(body, timestamp, "test-secret"),
      },
      body,
    });
  };
  // The index is still loading: alive, not ready, and Slack is asked to come back.
  const loading = await fetch(`${base}/readyz`);
  expect(loading.status).toBe(503);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const early = await slash("early");
  expect(early.status).toBe(503);
  expect(early.headers.get("retry-after")).toBe("5");
  expect(await early.json()).toMatchObject({ ok: false, error: "starting" });
  expect(run.log()).not.toContain("Slack: up");

  await run.logged("Slack: up (HTTP, POST /slack/events).");
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  expect((await slash("late")).status).toBe(200);
  const [answer] = (await fake?.waitForCalls("response_url")) ?? [];
  expect(answer?.responseId).toBe("late");
  expect(fake?.callsTo("response_url").map((c) => c.responseId)).toEqual(["late"]);
  run.signal("SIGTERM");
  expect(await exited).toBe(0);
});

it("serve without any chat token explains what to set", async () => {
  const run = io({}, "serve");
  expect(await runApp(run.app)).toBe(1);
  expect(run.log()).toContain("set DISCORD_TOKEN, SLACK_BOT_TOKEN or SLACK_CLIENT_ID");
});
