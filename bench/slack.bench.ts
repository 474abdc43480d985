// 50 concurrent, signed `/thesis ask` slash commands against the real Bolt app on loopback.
// Measures how fast Slack gets its acknowledgement (it gives up after 3 s) and how fast
// the first answer message reaches the response_url. The Slack side runs in a worker
// thread (slack-load.worker.ts). Uses the real commands and service when they exist.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SubcommandDefinition } from "../commands/types.ts";
import { createSlackAdapter } from "../src/adapters/slack/index.ts";
import type { ThesisService } from "../src/answer/types.ts";
import { createHttpServer } from "../src/server/http.ts";
import { testCommands, tinyThesis } from "../test/integration/slack-test-commands.ts";
import type { Bench, BenchResult } from "./types.ts";

const CONCURRENT = Number(process.env.SLACK_BENCH_CONCURRENT ?? 200);
const SECRET = "bench-signing-secret";
const QUESTIONS = [
  "why does distribution win",
  "what are the risks of subnet emissions",
  "are open weights a threat to closed labs",
  "how do validators get gamed",
  "what did China release",
];

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** The real service over the seeds (and the real commands once commands/index.ts exists). */
async function realStack(): Promise<
  { commands: readonly SubcommandDefinition[]; thesis: ThesisService; label: string } | undefined
> {
  try {
    const serviceModule = await import(path.join(root, "src/answer/service.ts"));
    const ledgerModule = await import(path.join(root, "src/corpus/ledger.ts"));
    const ledger = await ledgerModule.buildLedger(path.join(root, "seeds"));
    const thesis = (await serviceModule.createThesisService(ledger)) as ThesisService;
    try {
      const commandsModule = await import(path.join(root, "commands/index.ts"));
      return { commands: commandsModule.thesisCommands, thesis, label: "real commands, seeds" };
    } catch {
      return { commands: testCommands, thesis, label: "test ask, real service, seeds" };
    }
  } catch {
    return undefined;
  }
}

/** Workers do not inherit tsx's loader: register it inside the worker, then load the file. */
function tsWorkerBootstrap(file: string): string {
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const target = JSON.stringify(pathToFileURL(file).href);
  return `import(${api}).then((tsx) => { tsx.register(); return import(${target}); });`;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN;
}

const bench: Bench = async () => {
  const real = await realStack();
  const stack = real ?? { commands: testCommands, thesis: tinyThesis, label: "test commands" };
  const worker = new Worker(tsWorkerBootstrap(path.join(here, "slack-load.worker.ts")), {
    eval: true,
    workerData: { secret: SECRET, questions: QUESTIONS, concurrent: CONCURRENT },
  });
  const messages: unknown[] = [];
  const waiters: (() => void)[] = [];
  worker.on("message", (message) => {
    messages.push(message);
    waiters.shift()?.();
  });
  const failed = new Promise<never>((_, reject) => worker.once("error", reject));
  const next = async <T>() => {
    if (messages.length === 0)
      await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), failed]);
    return messages.shift() as T;
  };

  const { apiUrl } = await next<{ apiUrl: string }>();
  const server = createHttpServer({ log: () => {} });
  const adapter = createSlackAdapter({
    botToken: "xoxb-bench",
    signingSecret: SECRET,
    apiUrl,
    server,
    commands: stack.commands,
    thesis: stack.thesis,
    log: () => {},
  });
  try {
    const port = await server.start(0, "127.0.0.1");
    await adapter.start();
    worker.postMessage({ port });
    const { acks, answers } = await next<{ acks: number[]; answers: number[] }>();
    const { label } = stack;
    const results: BenchResult[] = [
      {
        name: `slack: ${CONCURRENT} concurrent /thesis ask, ack p99 (${label})`,
        value: p99(acks),
        unit: "ms",
        target: 100,
      },
      {
        name: `slack: ${CONCURRENT} concurrent /thesis ask, answer posted p99`,
        value: p99(answers),
        unit: "ms",
        target: 300,
      },
    ];
    return results;
  } finally {
    await server.stop();
    await adapter.stop();
    await worker.terminate();
  }
};

export default bench;
