// `ask` latency in process, as a chat user types: the dev questions as written, lower-cased,
// without punctuation, with a typo, cut to keywords, plus short chat phrasings ("tao bear
// case"). Measured over the seeds and over a generated corpus of 10,000 short articles,
// with the cost of building the ledger and the service (index) in time and memory.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createThesisService } from "../src/answer/service.ts";
import { buildLedger } from "../src/corpus/ledger.ts";
import { percentile } from "../src/eval/metrics.ts";
import { generateCorpus, measureMemory, seededRandom } from "./corpus-generator.ts";
import type { BenchResult } from "./types.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.join(here, "..", "seeds");
const DEV_QUESTIONS = path.join(here, "..", "..", "shared", "eval", "dev-questions.json");
const QUESTION_COUNT = 300;
const BIG_CORPUS = { documents: 10_000, minLines: 20, maxLines: 30 };

const TOPICS = [
  "tao",
  "$TAO",
  "bittensor",
  "deepseek",
  "qwen",
  "kimi",
  "openai",
  "anthropic",
  "china",
  "the US",
  "export controls",
  "open-weight models",
  "crypto",
];
const CHAT_FORMS = [
  (t: string) => `${t} bear case`,
  (t: string) => `${t} bull case`,
  (t: string) => `risks of ${t}`,
  (t: string) => `why ${t}?`,
  (t: string) => `what about ${t}`,
  (t: string) => `is ${t} overhyped`,
  (t: string) => `what could go wrong with ${t}?`,
];
const CHAT_QUESTIONS = [
  "tao bear case",
  "why does china win",
  "deepseek vs openai",
  "is bittensor a scam",
  "what do the sources say about export controls",
  "how cheap are chinese models",
  "who uses kimi",
  "will closed ai disappear",
  "what happens to openai margins",
  "biggest risk for $TAO?",
  "whats the hidden asymmetry",
  "best capital of france",
];

/** Swaps two letters in the middle of one longer word: the commonest typo in chat. */
function withTypo(question: string, next: () => number): string {
  const words = question.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  const chosen = long[Math.floor(next() * long.length)];
  if (!chosen) return question;
  const [word, at] = chosen;
  const i = 1 + Math.floor(next() * (word.length - 3));
  words[at] = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
  return words.join(" ");
}

const STOP =
  /^(what|why|how|who|does|do|is|are|the|a|an|of|to|in|for|about|according|did|will|be)$/i;

function questionSet(): string[] {
  const next = seededRandom(7);
  const asked: string[] = [];
  if (existsSync(DEV_QUESTIONS)) {
    const file = JSON.parse(readFileSync(DEV_QUESTIONS, "utf8")) as {
      questions: { q: string }[];
      offtopic?: string[];
    };
    for (const q of [...file.questions.map((x) => x.q), ...(file.offtopic ?? [])]) {
      const bare = q.replace(/[?.!,]/g, "");
      const keywords = bare
        .split(/\s+/)
        .filter((w) => !STOP.test(w))
        .join(" ");
      asked.push(q, q.toLowerCase(), bare.toLowerCase(), withTypo(q, next), keywords);
    }
  }
  for (const q of CHAT_QUESTIONS) asked.push(q, q.toUpperCase(), withTypo(q, next));
  for (const topic of TOPICS) for (const form of CHAT_FORMS) asked.push(form(topic));
  for (let i = 0; asked.length < QUESTION_COUNT; i++) {
    asked.push(withTypo(asked[i % asked.length] ?? "tao", next));
  }
  return asked.slice(0, QUESTION_COUNT);
}

async function askBenchOver(dir: string, label: string, questions: string[]) {
  const ledger = await measureMemory(() => buildLedger(dir));
  const service = await measureMemory(() => createThesisService(ledger.result));
  // One pass to warm the JIT and any caches a real bot would have warm too.
  for (const q of questions) service.result.ask(q);
  const times: number[] = [];
  let found = 0;
  for (const q of questions) {
    const started = performance.now();
    const answer = service.result.ask(q);
    times.push(performance.now() - started);
    if (answer.found) found++;
  }
  return {
    label,
    claims: ledger.result.claims.length,
    ledgerMs: ledger.ms,
    serviceMs: service.ms,
    peakRssMb: Math.max(ledger.peakRssMb, service.peakRssMb),
    ledgerGrowthMb: ledger.peakRssGrowthMb,
    serviceGrowthMb: service.peakRssGrowthMb,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    foundShare: found / questions.length,
  };
}

type Measured = Awaited<ReturnType<typeof askBenchOver>>;

function report(m: Measured, targetP50: number): BenchResult[] {
  return [
    { name: `ask ${m.label}: ledger build (first in process)`, value: m.ledgerMs, unit: "ms" },
    { name: `ask ${m.label}: service build (index)`, value: m.serviceMs, unit: "ms" },
    { name: `ask ${m.label}: claims indexed`, value: m.claims, unit: "count" },
    { name: `ask ${m.label}: peak rss growth, ledger build`, value: m.ledgerGrowthMb, unit: "MB" },
    { name: `ask ${m.label}: peak rss growth, index build`, value: m.serviceGrowthMb, unit: "MB" },
    { name: `ask ${m.label}: peak rss (whole process)`, value: m.peakRssMb, unit: "MB" },
    { name: `ask ${m.label}: p50`, value: m.p50, unit: "ms", target: targetP50 },
    { name: `ask ${m.label}: p99`, value: m.p99, unit: "ms" },
    { name: `ask ${m.label}: share answered found:true`, value: m.foundShare, unit: "ratio" },
  ];
}

export { questionSet };

export default async function askBench(): Promise<BenchResult[]> {
  const questions = questionSet();
  const seeds = await askBenchOver(SEEDS, "seeds", questions);
  const corpus = await generateCorpus(BIG_CORPUS);
  try {
    const label = `${corpus.documents} docs (${(corpus.bytes / 1048576).toFixed(1)} MB)`;
    const big = await askBenchOver(corpus.dir, label, questions);
    return [
      { name: "ask: questions asked per corpus", value: questions.length, unit: "count" },
      ...report(seeds, 5),
      ...report(big, 20),
    ];
  } finally {
    await corpus.cleanup();
  }
}
