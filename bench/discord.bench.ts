// 50 concurrent /thesis ask interactions through the loopback fake gateway into the real
// discord.js Client: time from the dispatch leaving the fake's websocket until the deferral
// callback reaches the fake's REST side (Discord allows 3 seconds), and until the answer
// arrives (the real /thesis ask over the seeds). The fake runs in a worker thread so the figure is the bot's own event loop, as
// it would be against the real (remote) Discord, not the bot and the fake taking turns.
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import type { BenchResult } from "./types.ts";

const CONCURRENT = 50;
const now = () => performance.timeOrigin + performance.now();

interface Timings {
  deferrals: number[];
  answers: number[];
}

/** Worker side: the fake Discord, told when to dispatch, reporting arrival times. */
async function runFake() {
  const { FakeDiscord, slashCommand } = await import("../test/fakes/discord-gateway.ts");
  const fake = await FakeDiscord.start();
  const port = parentPort!;
  port.postMessage({ apiUrl: fake.apiUrl });
  port.on("message", async (message: { burst?: number; close?: boolean }) => {
    if (message.close) {
      await fake.close();
      port.close();
      return;
    }
    const count = message.burst ?? 1;
    const interactions = Array.from({ length: count }, (_, i) =>
      slashCommand("ask", { question: `why does distribution win, take ${i}` }),
    );
    const sent = interactions.map((interaction) => {
      const at = now();
      fake.dispatch("INTERACTION_CREATE", interaction);
      return at;
    });
    const offset = performance.timeOrigin;
    const arrival = (test: Parameters<typeof fake.rest.waitFor>[0], i: number) =>
      fake.rest.waitFor(test, 20_000).then((call) => offset + call.at - sent[i]!);
    const deferrals = await Promise.all(
      interactions.map((it, i) => arrival((c) => c.path.endsWith(`/${it.token}/callback`), i)),
    );
    const answers = await Promise.all(
      interactions.map((it, i) =>
        arrival((c) => c.method === "PATCH" && c.path.includes(`/${it.token}/`), i),
      ),
    );
    port.postMessage({ deferrals, answers } satisfies Timings);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export default async function discordBench(): Promise<BenchResult[]> {
  const { createDiscordAdapter } = await import("../src/adapters/discord/index.ts");
  const { createBot } = await import("../src/bot/bot.ts");
  const { thesisCommands } = await import("../commands/index.ts");
  const { createThesisService } = await import("../src/answer/service.ts");
  const { buildLedger } = await import("../src/corpus/ledger.ts");
  const { PACKAGE_ROOT } = await import("../src/config.ts");
  const thesis = createThesisService(await buildLedger(`${PACKAGE_ROOT}/seeds`));
  const { FAKE_IDS } = await import("../test/fakes/discord-rest.ts");
  // The worker loads this same file through tsx's loader (a worker does not inherit it).
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const self = JSON.stringify(import.meta.url);
  const boot = `import(${tsx}).then((tsx) => { tsx.register(); return import(${self}); })`;
  const worker = new Worker(boot, { eval: true });
  const next = <T>() => new Promise<T>((resolve) => worker.once("message", resolve));
  const { apiUrl } = await next<{ apiUrl: string }>();
  const adapter = createDiscordAdapter({
    token: "bench-token",
    applicationId: FAKE_IDS.application,
    apiUrl,
    bot: createBot({ commands: thesisCommands, thesis, log: () => {} }),
    registerCommands: false,
    log: { info: () => {}, error: () => {} },
  });
  try {
    await adapter.start();
    // Warm-up: the first interaction pays for lazy imports and the first sockets.
    worker.postMessage({ burst: 1 });
    await next<Timings>();
    // discord.js keeps a 50 requests/second global budget; start the burst with a fresh one.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    worker.postMessage({ burst: CONCURRENT });
    const { deferrals, answers } = await next<Timings>();
    const label = `(${CONCURRENT} concurrent)`;
    return [
      { name: `discord: deferral p50 ${label}`, value: percentile(deferrals, 50), unit: "ms" },
      {
        name: `discord: deferral p99 ${label}`,
        value: percentile(deferrals, 99),
        unit: "ms",
        target: 100,
      },
      {
        name: `discord: answer edited in, p99 ${label}`,
        value: percentile(answers, 99),
        unit: "ms",
      },
    ];
  } finally {
    await adapter.stop();
    worker.postMessage({ close: true });
    await new Promise((resolve) => worker.once("exit", resolve));
  }
}

if (!isMainThread) void runFake();
