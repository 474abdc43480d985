// Replicas of the bot as production runs them: `thesis-bot serve` in child processes of its
// own (each with its own event loop, index and Redis connection), Slack over HTTP against a
// loopback fake of Slack's Web API, sharing the real Redis. Used by the replica load test
// (a few commands, counts only) and by bench/slack-replicas.bench.ts (200 at once, timed).
//
// Each replica gets Slack's deliveries signed with the signing secret, as Slack sends them:
// slash commands (each to one replica) and app_mention events that Slack retries: the first
// delivery to one replica and the retry (X-Slack-Retry-Num: 1) to the other, at once.
// Slack retries Events API deliveries only; a slash command it could not deliver is shown
// to the user as failed, never sent again, so commands are not sent twice here.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RecordedCall } from "../fakes/slack-api.ts";
import { signSlack } from "./slack-harness.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const REPLICA_SIGNING_SECRET = "replica-signing-secret";

export interface ReplicaProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Everything the process logged (JSON lines). */
  log(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `thesis-bot serve` and resolves once GET /readyz answers 200 (the index is loaded
 * and Redis answers). Rate limits are off: the replicas' figures are measured, not the limiter.
 */
export async function startReplica(options: {
  apiUrl: string;
  redisUrl: string;
  timeoutMs?: number;
}): Promise<ReplicaProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "thesis-replica-"));
  const logFile = path.join(dataDir, "replica.log");
  const logFd = openSync(logFile, "w");
  const child = spawn(process.execPath, [path.join(root, "bin/thesis-bot.js"), "serve"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-replica",
      SLACK_SIGNING_SECRET: REPLICA_SIGNING_SECRET,
      SLACK_API_URL: options.apiUrl,
      REDIS_URL: options.redisUrl,
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_FORMAT: "json",
      CORPUS_WATCH: "0",
      RATE_LIMIT_PER_USER: "0",
      RATE_LIMIT_PER_CHANNEL: "0",
    },
    // The log goes to a file, as to a log collector that keeps up: through a pipe, a busy
    // parent (the bench) that reads late would block the replica's synchronous log writes.
    stdio: ["ignore", "ignore", logFd],
  });
  closeSync(logFd);
  const log = () => readFileSync(logFile, "utf8");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const base = await readyBase(child, log, options.timeoutMs ?? 120_000);
    let kept = "";
    return {
      base,
      // Once stop() has removed the folder, what was read last.
      log: () => {
        if (existsSync(logFile)) kept = log();
        return kept;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The replica's address once it listens and /readyz says 200; rejects if it exits first. */
async function readyBase(child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the replica exited:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`the replica was not ready in time:\n${log()}`);
    const port = /listening on 127\.0\.0\.1:(\d+)/.exec(log())?.[1];
    if (port) {
      const base = `http://127.0.0.1:${port}`;
      const ready = await fetch(`${base}/readyz`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ready) return base;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One delivery as Slack sends it: the body and its signed headers. */
export interface Delivery {
  body: string;
  headers: Record<string, string>;
}

/** `/thesis <text>` from `userId` in `channelId`, answered at the fake's response_url `id`. */
export function slashCommand(
  text: string,
  id: string,
  responseBase: string,
  who: { userId: string; channelId: string },
): Delivery {
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: who.channelId,
    user_id: who.userId,
    user_name: "load",
    command: "/thesis",
    text,
    api_app_id: "A1",
    response_url: `${responseBase}${id}`,
    trigger_id: `trigger-${id}`,
  }).toString();
  return signed(body, "application/x-www-form-urlencoded");
}

/**
 * An app_mention event `eventId` asking `question` in a message posted at `ts`: the first
 * delivery, and Slack's retry of it (same body, X-Slack-Retry-Num: 1).
 */
export function retriedMention(
  question: string,
  eventId: string,
  ts: string,
  who: { userId: string; channelId: string },
): [first: Delivery, retry: Delivery] {
  const body = JSON.stringify({
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: {
      type: "app_mention",
      user: who.userId,
      text: `<@UBOT> ${question}`,
      ts,
      channel: who.channelId,
      event_ts: ts,
    },
  });
  const first = signed(body, "application/json");
  const retry = signed(body, "application/json", {
    "x-slack-retry-num": "1",
    "x-slack-retry-reason": "http_timeout",
  });
  return [first, retry];
}

function signed(body: string, contentType: string, extra: Record<string, string> = {}): Delivery {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlack(body, timestamp, REPLICA_SIGNING_SECRET),
      ...extra,
    },
  };
}

export interface PostsCounted {
  /** How many answers each command got at its response_url, in the order asked. */
  answersPerCommand: number[];
  /** How many replies each mention got in its thread, in the order asked. */
  repliesPerMention: number[];
  /** Answers beyond the first, over commands and mentions: must be 0. */
  duplicates: number;
  /** Commands and mentions with no answer at all. */
  unanswered: number;
}

/** What Slack's side received, per command (by response_url id) and mention (by thread). */
export function countPosts(
  calls: readonly RecordedCall[],
  commandIds: readonly string[],
  mentionTs: readonly string[],
): PostsCounted {
  const tally = (keys: (string | undefined)[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const answers = tally(calls.filter((c) => c.method === "response_url").map((c) => c.responseId));
  const replies = tally(
    calls
      .filter((c) => c.method === "chat.postMessage")
      .map((c) => (typeof c.args.thread_ts === "string" ? c.args.thread_ts : undefined)),
  );
  const answersPerCommand = commandIds.map((id) => answers.get(id) ?? 0);
  const repliesPerMention = mentionTs.map((ts) => replies.get(ts) ?? 0);
  const all = [...answersPerCommand, ...repliesPerMention];
  return {
    answersPerCommand,
    repliesPerMention,
    duplicates: all.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    unanswered: all.filter((n) => n === 0).length,
  };
}
