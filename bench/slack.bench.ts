// 200 concurrent, signed `/thesis ask` slash commands against the real Bolt app behind the
// request edge, on the shared HTTP server, on loopback. Measures how fast Slack gets its
// acknowledgement (it gives up after 3 s; our budget is 250 ms at p99), how fast the answer
// reaches the response_url, and how many requests were lost (no 200, or never answered).
// Slack is played by two worker threads: the load generator (slack-load.worker.ts) and the
// fake Web API + response_url (slack-api.worker.ts). Uses the real commands and service.
// SLACK_BENCH_CONCURRENT and SLACK_BENCH_ROUNDS change the burst size and count.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SubcommandDefinition } from "../commands/types.ts";
import { createSlackAdapter } from "../src/adapters/slack/index.ts";
import type { ThesisService } from "../src/answer/types.ts";
import { createBot } from "../src/bot/bot.ts";
import { createHttpServer } from "../src/server/http.ts";
import { testCommands, tinyThesis } from "../test/integration/slack-test-commands.ts";
import { CHAT_BENCH_QUESTIONS } from "./chat-questions.ts";
import type { SentRequest } from "./slack-load.worker.ts";
import type { Bench, BenchResult } from "./types.ts";
import { nextMessage, percentile, tsWorker } from "./worker-threads.ts";

const CONCURRENT = Number(process.env.SLACK_BENCH_CONCURRENT ?? 200);
const ROUNDS = Number(process.env.SLACK_BENCH_ROUNDS ?? 3);
const WARM_ROUNDS = 2;
const SECRET = "bench-signing-secret";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** The real service over the seeds with the real commands; undefined if they cannot load. */
async function realStack(): Promise<
  { commands: readonly SubcommandDefinition[]; thesis: ThesisService; label: string } | undefined
> {
  try {
    const serviceModule = await import(path.join(root, "src/answer/service.ts"));
    const ledgerModule = await import(path.join(root, "src/corpus/ledger.ts"));
    const commandsModule = await import(path.join(root, "commands/index.ts"));
    const ledger = await ledgerModule.buildLedger(path.join(root, "seeds"));
    const thesis = (await serviceModule.createThesisService(ledger)) as ThesisService;
    return { commands: commandsModule.thesisCommands, thesis, label: "real commands, seeds" };
  } catch {
    return undefined;
  }
}

const bench: Bench = async () => {
  const stack = (await realStack()) ?? {
    commands: testCommands,
    thesis: tinyThesis,
    label: "test commands",
  };
  const slackSide = tsWorker("slack-api.worker.ts", {});
  const load = tsWorker("slack-load.worker.ts", {
    secret: SECRET,
    questions: CHAT_BENCH_QUESTIONS,
    concurrent: CONCURRENT,
  });
  const { apiUrl, responseBase } = await nextMessage<{ apiUrl: string; responseBase: string }>(
    slackSide,
  );
  const server = createHttpServer({ log: () => {} });
  const adapter = createSlackAdapter({
    botToken: "xoxb-bench",
    signingSecret: SECRET,
    apiUrl,
    server,
    bot: createBot({ commands: stack.commands, thesis: stack.thesis, log: () => {} }),
    log: () => {},
  });
  try {
    const port = await server.start(0, "127.0.0.1");
    await adapter.start();
    load.postMessage({ port, responseBase, rounds: ROUNDS, warmRounds: WARM_ROUNDS });
    const { requests } = await nextMessage<{ requests: SentRequest[] }>(load);
    slackSide.postMessage({ answersFor: requests.map((r) => r.id) });
    const { answeredAt } = await nextMessage<{ answeredAt: Record<string, number> }>(slackSide);
    const acks = requests.filter((r) => r.status === 200).map((r) => r.ackMs);
    const answers = requests.flatMap((r) => {
      const at = answeredAt[r.id];
      return at === undefined ? [] : [at - r.sentAt];
    });
    const lost = requests.filter((r) => r.status !== 200 || answeredAt[r.id] === undefined);
    const what = `slack: ${CONCURRENT} concurrent /thesis ask x${ROUNDS}`;
    const results: BenchResult[] = [
      { name: `${what}, ack p50 (${stack.label})`, value: percentile(acks, 0.5), unit: "ms" },
      { name: `${what}, ack p99`, value: percentile(acks, 0.99), unit: "ms", target: 250 },
      { name: `${what}, answer posted p99`, value: percentile(answers, 0.99), unit: "ms" },
      { name: `${what}, lost (no ack or no answer)`, value: lost.length, unit: "count", target: 0 },
    ];
    return results;
  } finally {
    await server.stop();
    await adapter.stop();
    await Promise.all([slackSide.terminate(), load.terminate()]);
  }
};

export default bench;
