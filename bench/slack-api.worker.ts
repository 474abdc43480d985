// Slack's servers for bench/slack.bench.ts, in a worker thread of their own: the loopback
// fake Web API (auth.test) and response_url endpoint that the bot posts its answers to. Kept
// apart from the load generator so that receiving 200 answers does not delay the generator's
// reading of acknowledgements (on Slack's side they are different machines).
// Messages: { apiUrl, responseBase } out at start; { answersFor: ids } in -> { answeredAt } out.
import { parentPort } from "node:worker_threads";
import { startFakeSlackApi } from "../test/fakes/slack-api.ts";

const fake = await startFakeSlackApi();
const now = () => performance.timeOrigin + performance.now();
const answeredAt = new Map<string, number>();
const origin = performance.timeOrigin;
const seen = { count: 0 };

parentPort?.postMessage({ apiUrl: fake.apiUrl, responseBase: fake.responseUrl("") });
parentPort?.on("message", async (message: { answersFor?: string[]; timeoutMs?: number }) => {
  const ids = message.answersFor ?? [];
  const deadline = now() + (message.timeoutMs ?? 30_000);
  for (;;) {
    for (const call of fake.callsTo("response_url").slice(seen.count)) {
      const id = call.responseId ?? "";
      if (!answeredAt.has(id)) answeredAt.set(id, origin + call.at);
    }
    seen.count = fake.callsTo("response_url").length;
    if (ids.every((id) => answeredAt.has(id)) || now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const found: Record<string, number> = {};
  for (const id of ids) {
    const at = answeredAt.get(id);
    if (at !== undefined) found[id] = at;
  }
  parentPort?.postMessage({ answeredAt: found });
});
