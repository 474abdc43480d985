// The load generator of bench/slack.bench.ts, in a worker thread so that playing Slack does
// not steal the bot's event loop: bursts of N concurrent signed `/thesis ask` slash commands
// over keep-alive connections (node:http, the lightest client, so the figures are the bot's),
// each timed from the moment it is written to the moment its acknowledgement is read.
// Messages: { port, responseBase, rounds, warmRounds } in -> { requests } out.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { signSlack } from "../test/integration/slack-harness.ts";

const { secret, questions, concurrent } = workerData as {
  secret: string;
  questions: string[];
  concurrent: number;
};

export interface SentRequest {
  id: string;
  /** performance.timeOrigin + performance.now() when the request was written. */
  sentAt: number;
  ackMs: number;
  status: number;
}

const { port, responseBase, rounds, warmRounds } = await new Promise<{
  port: number;
  responseBase: string;
  rounds: number;
  warmRounds: number;
}>((resolve) => parentPort?.once("message", resolve));
const agent = new Agent({ keepAlive: true, maxSockets: concurrent });
const now = () => performance.timeOrigin + performance.now();

function slash(text: string, id: string): Promise<SentRequest> {
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: "C1",
    user_id: "U1",
    user_name: "bench",
    command: "/thesis",
    text,
    api_app_id: "A1",
    response_url: `${responseBase}${id}`,
    trigger_id: "1.2.3",
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": Buffer.byteLength(body),
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signSlack(body, timestamp, secret),
  };
  return new Promise((resolve) => {
    const sentAt = now();
    const req = request({
      port,
      host: "127.0.0.1",
      path: "/slack/events",
      method: "POST",
      agent,
      headers,
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ id, sentAt, ackMs: now() - sentAt, status: res.statusCode ?? 0 }),
      );
    });
    req.on("error", () => resolve({ id, sentAt, ackMs: now() - sentAt, status: 0 }));
    req.end(body);
  });
}

const burst = (round: string) =>
  Promise.all(
    Array.from({ length: concurrent }, (_, i) =>
      slash(`ask ${questions[i % questions.length]}`, `${round}_${i}`),
    ),
  );

// Warm-up bursts (unmeasured) bring JIT, connection pools and caches to their steady state;
// between bursts the bot gets a moment to post the answers it owes.
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));
for (let round = 0; round < warmRounds; round++) {
  await burst(`warm${round}`);
  await settle();
}
const requests: SentRequest[] = [];
for (let round = 0; round < rounds; round++) {
  requests.push(...(await burst(`m${round}`)));
  await settle();
}
agent.destroy();
parentPort?.postMessage({ requests });
