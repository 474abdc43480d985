// Two replicas under load: `thesis-bot serve` twice, in child processes, sharing the real
// Redis (REDIS_URL, default redis://127.0.0.1:6379), Slack over HTTP against the loopback
// fake of Slack's Web API. Each burst is 200 concurrent signed `/thesis ask` slash commands
// spread over both replicas, plus app_mention events that Slack retries: each delivered to one
// replica and, at the same moment, retried (X-Slack-Retry-Num: 1) to the other, so the
// shared de-duplication decides. Slack retries events only, never slash commands.
//
// Figures: duplicate answers (must be 0), unanswered deliveries (0), the acknowledgement's
// p50/p99 as Slack's side measures it (target p99 < 100 ms; Slack gives up at 3 s), the time
// to the answer, and whether the replicas' own /metrics (read with a Prometheus text-format
// parser) count every command once. The replicas answer with the real commands over seeds/.
// SLACK_REPLICAS_CONCURRENT, SLACK_REPLICAS_MENTIONS and SLACK_REPLICAS_ROUNDS change the load.
//
// On a 2-core machine the sender, the fake and both replicas share the cores, and the ack
// figure is mostly the machine's: with the answers switched off altogether the sender still
// measured p99 160-270 ms, and a profile of a replica puts 40% of its acknowledgement work
// in the kernel's loopback write of the 200 response (about 95 us each). The replicas' own
// timing (thesis_ack_seconds, from the handler to the written ack) is printed beside it.
import { randomUUID } from "node:crypto";
import { startFakeSlackApi } from "../test/fakes/slack-api.ts";
import { scrapeMetrics } from "../test/integration/prometheus.ts";
import {
  countPosts,
  retriedMention,
  slashCommand,
  startReplica,
} from "../test/integration/slack-replicas.ts";
import { CHAT_BENCH_QUESTIONS } from "./chat-questions.ts";
import type { Sent, Targeted } from "./slack-burst.worker.ts";
import type { Bench, BenchResult } from "./types.ts";
import { nextMessage, percentile, tsWorker } from "./worker-threads.ts";

const CONCURRENT = Number(process.env.SLACK_REPLICAS_CONCURRENT ?? 200);
const MENTIONS = Number(process.env.SLACK_REPLICAS_MENTIONS ?? 20);
const ROUNDS = Number(process.env.SLACK_REPLICAS_ROUNDS ?? 3);
// A replica serves for days: the figures are of warmed-up processes (the JIT has compiled the
// edge and the answer path), not of the first requests after start. SLACK_REPLICAS_WARM changes it.
const WARM_ROUNDS = Number(process.env.SLACK_REPLICAS_WARM ?? 3);
const ACK_P99_TARGET_MS = 100;

interface Burst {
  deliveries: Targeted[];
  commandIds: string[];
  mentionTs: string[];
}

/** One burst: the commands alternate between the replicas; each mention goes to both. */
function burst(round: string, ports: [number, number], responseBase: string): Burst {
  const run = `${randomUUID().slice(0, 8)}${round}`;
  const channelId = `C${run}`;
  const deliveries: Targeted[] = [];
  const commandIds: string[] = [];
  const mentionTs: string[] = [];
  const port = (i: number) => (i % 2 === 0 ? ports[0] : ports[1]);
  for (let i = 0; i < CONCURRENT; i++) {
    const id = `${run}-c${i}`;
    const text = `ask ${CHAT_BENCH_QUESTIONS[i % CHAT_BENCH_QUESTIONS.length]}`;
    const who = { userId: `U${run}${i}`, channelId };
    commandIds.push(id);
    deliveries.push({ ...slashCommand(text, id, responseBase, who), key: id, port: port(i) });
  }
  for (let i = 0; i < MENTIONS; i++) {
    const ts = `17000${String(i).padStart(5, "0")}.${run}`;
    const who = { userId: `U${run}m${i}`, channelId };
    const question = CHAT_BENCH_QUESTIONS[i % CHAT_BENCH_QUESTIONS.length] ?? "";
    const [first, retry] = retriedMention(question, `Ev${run}${i}`, ts, who);
    mentionTs.push(ts);
    deliveries.push({ ...first, key: ts, port: port(i) });
    deliveries.push({ ...retry, key: `${ts}#retry`, port: port(i + 1) });
  }
  return { deliveries, commandIds, mentionTs };
}

const bench: Bench = async () => {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const fake = await startFakeSlackApi();
  const load = tsWorker("slack-burst.worker.ts", {});
  const replicas = await Promise.all(
    [0, 1].map(() => startReplica({ apiUrl: fake.apiUrl, redisUrl })),
  );
  try {
    const ports = replicas.map((r) => Number(new URL(r.base).port)) as [number, number];
    /** Resolves once every command and mention of `b` has an answer (or after 60 s). */
    const answered = async (b: Burst) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const counted = countPosts(fake.calls, b.commandIds, b.mentionTs);
        if (counted.unanswered === 0 || Date.now() > deadline) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const measured: { burst: Burst; sent: Sent[] }[] = [];
    for (let round = 0; round < WARM_ROUNDS + ROUNDS; round++) {
      const b = burst(`r${round}`, ports, fake.responseUrl(""));
      load.postMessage({ burst: b.deliveries });
      const { sent } = await nextMessage<{ sent: Sent[] }>(load);
      await answered(b);
      if (round >= WARM_ROUNDS) measured.push({ burst: b, sent });
    }
    // Time for a late second answer to arrive, had either replica been going to send one.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const commandIds = measured.flatMap((m) => m.burst.commandIds);
    const mentionTs = measured.flatMap((m) => m.burst.mentionTs);
    const counted = countPosts(fake.calls, commandIds, mentionTs);
    const sent = measured.flatMap((m) => m.sent);
    const acks = sent.filter((s) => s.status === 200).map((s) => s.ackMs);
    const refused = sent.filter((s) => s.status !== 200).length;
    const firstAnswer = new Map<string, number>();
    for (const call of fake.calls) {
      const key =
        call.method === "response_url"
          ? call.responseId
          : call.method === "chat.postMessage" && typeof call.args.thread_ts === "string"
            ? call.args.thread_ts
            : undefined;
      if (key !== undefined && !firstAnswer.has(key))
        firstAnswer.set(key, performance.timeOrigin + call.at);
    }
    const answerMs = sent.flatMap((s) => {
      const at = firstAnswer.get(s.key);
      return at === undefined ? [] : [at - s.sentAt];
    });
    // Every command and mention of every burst (warm-up included) counted once, in total,
    // by the replicas' own counters.
    const scrapes = await Promise.all(replicas.map((r) => scrapeMetrics(r.base)));
    // The replicas' own view: from the request's arrival in the handler to the ack written.
    const acksTimed = scrapes.map((s) => s.histogram("thesis_ack_seconds"));
    const timedCount = acksTimed.reduce((n, h) => n + h.count, 0);
    const timedFast = acksTimed.reduce((n, h) => n + (h.buckets.get("0.025") ?? 0), 0);
    const perReplica = scrapes.map((s) =>
      s.counter("thesis_commands_total", { platform: "slack" }),
    );
    const expected = (WARM_ROUNDS + ROUNDS) * (CONCURRENT + MENTIONS);
    const counterGap = Math.abs(perReplica.reduce((a, b) => a + b, 0) - expected);
    const what = `slack x2 replicas on Redis: ${CONCURRENT} commands + ${MENTIONS} retried mentions x${ROUNDS}`;
    const results: BenchResult[] = [
      { name: `${what}, duplicate answers`, value: counted.duplicates, unit: "count", target: 0 },
      {
        name: "  unanswered, or not acknowledged with 200",
        value: counted.unanswered + refused,
        unit: "count",
        target: 0,
      },
      { name: "  ack p50 (measured by the sender)", value: percentile(acks, 0.5), unit: "ms" },
      { name: "  ack p99", value: percentile(acks, 0.99), unit: "ms", target: ACK_P99_TARGET_MS },
      {
        name: "  share of acks the replicas timed under 25 ms (thesis_ack_seconds)",
        value: timedFast / Math.max(1, timedCount),
        unit: "ratio",
      },
      {
        name: "  answer posted p50 (real commands, seeds)",
        value: percentile(answerMs, 0.5),
        unit: "ms",
      },
      { name: "  answer posted p99", value: percentile(answerMs, 0.99), unit: "ms" },
      {
        name: `  /metrics commands (${perReplica.join(" + ")}) minus sent`,
        value: counterGap,
        unit: "count",
        target: 0,
      },
    ];
    return results;
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await load.terminate();
    await fake.close();
  }
};

export default bench;
