// A small run of the replica load bench (bench/slack-replicas.bench.ts), counted, never
// timed: two `thesis-bot serve` processes sharing the real Redis get signed slash commands
// spread over both, and app_mention events delivered to one and retried to the other at the
// same moment. Every command and mention is answered exactly once, and the two replicas'
// /metrics, read with a Prometheus text-format parser, add up to what was sent.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/slack-api.ts";
import { scrapeMetrics } from "./prometheus.ts";
import {
  countPosts,
  type Delivery,
  type ReplicaProcess,
  retriedMention,
  slashCommand,
  startReplica,
} from "./slack-replicas.ts";

const redisUrl = process.env.REDIS_URL;
const COMMANDS = 20;
const MENTIONS = 5;

describe.skipIf(!redisUrl)("two replicas on Redis under a burst (needs REDIS_URL)", () => {
  let fake: FakeSlackApi;
  let replicas: ReplicaProcess[] = [];
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    replicas = await Promise.all(
      [0, 1].map(() => startReplica({ apiUrl: fake.apiUrl, redisUrl: redisUrl ?? "" })),
    );
  }, 180_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await fake?.close();
  });

  it("answers every command and every retried mention exactly once", async () => {
    // Fresh ids each run: the replicas share Redis with earlier runs.
    const run = randomUUID().slice(0, 8);
    const channelId = `C${run}`;
    const commandIds = Array.from({ length: COMMANDS }, (_, i) => `${run}-cmd${i}`);
    const mentionTs = Array.from({ length: MENTIONS }, (_, i) => `1700000${i}.${run}`);
    const sends: Promise<Response>[] = [];
    const send = (replica: number, delivery: Delivery) =>
      sends.push(
        fetch(`${replicas[replica]?.base}/slack/events`, {
          method: "POST",
          headers: delivery.headers,
          body: delivery.body,
        }),
      );
    commandIds.forEach((id, i) => {
      const who = { userId: `U${run}${i}`, channelId };
      send(i % 2, slashCommand("ask why does distribution win", id, fake.responseUrl(""), who));
    });
    mentionTs.forEach((ts, i) => {
      const who = { userId: `U${run}m${i}`, channelId };
      const [first, retry] = retriedMention("does distribution win?", `Ev${run}${i}`, ts, who);
      send(i % 2, first);
      send((i + 1) % 2, retry);
    });
    const statuses = (await Promise.all(sends)).map((res) => res.status);
    expect(statuses).toEqual(Array(COMMANDS + 2 * MENTIONS).fill(200));

    await fake.waitForCalls("response_url", COMMANDS, 60_000);
    await fake.waitForCalls("chat.postMessage", MENTIONS, 60_000);
    // Time for a second answer to arrive, had either replica been going to send one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const counted = countPosts(fake.calls, commandIds, mentionTs);
    expect(counted.answersPerCommand).toEqual(Array(COMMANDS).fill(1));
    expect(counted.repliesPerMention).toEqual(Array(MENTIONS).fill(1));
    expect(counted.duplicates).toBe(0);

    const skipped = replicas.flatMap((r) => r.log().match(/skipped redelivery of Ev/g) ?? []);
    expect(skipped).toHaveLength(MENTIONS);
    // Each replica counts what it answered; together, each command and mention once.
    const scrapes = await Promise.all(replicas.map((r) => scrapeMetrics(r.base)));
    const total = (name: string, labels: Record<string, string>) =>
      scrapes.reduce((sum, s) => sum + s.counter(name, labels), 0);
    expect(total("thesis_commands_total", { platform: "slack" })).toBe(COMMANDS + MENTIONS);
    const acks = scrapes.reduce(
      (sum, s) => sum + s.histogram("thesis_ack_seconds", { route: "/slack/events" }).count,
      0,
    );
    expect(acks).toBe(COMMANDS + 2 * MENTIONS);
    // Both replicas took part.
    for (const scrape of scrapes)
      expect(scrape.counter("thesis_commands_total", { platform: "slack" })).toBeGreaterThan(0);
  }, 120_000);
});
