// The Slack side of bench/slack.bench.ts, in a worker thread so that playing Slack (sending
// signed requests, receiving the answers) does not steal the bot's event loop and inflate
// its figures. Talks to the main thread with two messages: { apiUrl } out, { port } in.
import { parentPort, workerData } from "node:worker_threads";
import { startFakeSlackApi } from "../test/fakes/slack-api.ts";
import { signSlack } from "../test/integration/slack-harness.ts";

const { secret, questions, concurrent } = workerData as {
  secret: string;
  questions: string[];
  concurrent: number;
};
const fake = await startFakeSlackApi();
const port = await new Promise<number>((resolve) => {
  parentPort?.once("message", (message: { port: number }) => resolve(message.port));
  parentPort?.postMessage({ apiUrl: fake.apiUrl });
});

async function slash(text: string, responseId: string): Promise<number> {
  const started = performance.now();
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: "C1",
    user_id: "U1",
    user_name: "bench",
    command: "/thesis",
    text,
    api_app_id: "A1",
    response_url: fake.responseUrl(responseId),
    trigger_id: "1.2.3",
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlack(body, timestamp, secret),
    },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`slash command got ${res.status}`);
  return performance.now() - started;
}

// Warm-up: two unmeasured bursts, so JIT compilation, connection pools and index caches
// are in their steady state when the measured burst arrives.
const WARM_ROUNDS = 2;
for (let round = 0; round < WARM_ROUNDS; round++) {
  await Promise.all(
    Array.from({ length: concurrent }, (_, i) =>
      slash(`ask ${questions[i % questions.length]}`, `warm${round}_${i}`),
    ),
  );
}
await fake.waitForCalls("response_url", WARM_ROUNDS * concurrent, 30_000);

const sentAt = new Map<string, number>();
const acks = await Promise.all(
  Array.from({ length: concurrent }, (_, i) => {
    sentAt.set(`b${i}`, performance.now());
    return slash(`ask ${questions[i % questions.length]}`, `b${i}`);
  }),
);
await fake.waitForCalls("response_url", (WARM_ROUNDS + 1) * concurrent, 30_000);
const firstAnswer = new Map<string, number>();
for (const call of fake.callsTo("response_url")) {
  const id = call.responseId ?? "";
  if (sentAt.has(id) && !firstAnswer.has(id)) firstAnswer.set(id, call.at - (sentAt.get(id) ?? 0));
}
await fake.close();
parentPort?.postMessage({ acks, answers: [...firstAnswer.values()] });
