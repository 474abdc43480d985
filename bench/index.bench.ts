// Building the claim ledger: the seeds cold (a fresh process, sentence model included) and
// warm, then a generated 10 MB corpus for time, memory and claims/s. When the big build
// misses its target, the time is broken down by pipeline phase so it can be fixed there.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { extractClaims } from "../src/corpus/claims.ts";
import { findFurniture } from "../src/corpus/furniture.ts";
import { buildLedger, corpusHashOf } from "../src/corpus/ledger.ts";
import { lineText } from "../src/corpus/lines.ts";
import { loadCorpusFiles } from "../src/corpus/load.ts";
import { segment } from "../src/corpus/segment.ts";
import { splitSentences } from "../src/corpus/sentences.ts";
import { percentile } from "../src/eval/metrics.ts";
import { generateCorpus, measureMemory } from "./corpus-generator.ts";
import type { BenchResult } from "./types.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.join(here, "..", "seeds");
const LEDGER_MODULE = pathToFileURL(path.join(here, "..", "src", "corpus", "ledger.ts")).href;
const BIG_CORPUS_BYTES = 10 * 1024 * 1024;
const WARM_RUNS = 5;
const TARGETS = { warmSeedsMs: 200, bigBuildMs: 5_000 };

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;
const heapUsedMb = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

/**
 * This process has already loaded the pipeline (it is imported above), so "cold" runs in a
 * fresh Node process: import the ledger module (code and sentence model), then build.
 */
async function coldSeedsBuild(): Promise<{ importMs: number; buildMs: number }> {
  const script = `
    const t0 = performance.now();
    const { buildLedger } = await import(${JSON.stringify(LEDGER_MODULE)});
    const t1 = performance.now();
    await buildLedger(${JSON.stringify(SEEDS)});
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, buildMs: t2 - t1 }));`;
  const tsx = import.meta.resolve("tsx");
  const child = spawn(process.execPath, ["--import", tsx, "--input-type=module", "-e", script]);
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`The cold-build process failed (exit ${code}): ${err}`);
  return JSON.parse(out.trim().split("\n").pop() ?? "{}");
}

/** The same steps buildLedgerFrom takes, timed one by one. */
async function phaseBreakdown(dir: string): Promise<BenchResult[]> {
  const spent = { load: 0, hash: 0, lines: 0, furniture: 0, segment: 0, sentences: 0, claims: 0 };
  let t = performance.now();
  const { files } = await loadCorpusFiles(dir);
  spent.load = performance.now() - t;
  t = performance.now();
  corpusHashOf(files);
  spent.hash = performance.now() - t;
  for (const raw of files) {
    t = performance.now();
    const lines = raw.lineStarts.map((_, i) => lineText(raw.text, raw.lineStarts, i + 1));
    spent.lines += performance.now() - t;
    t = performance.now();
    const furniture = findFurniture(lines);
    spent.furniture += performance.now() - t;
    t = performance.now();
    const segmented = segment({ ...raw, furniture: furniture.lines });
    spent.segment += performance.now() - t;
    // segment() splits each paragraph into sentences; timing that call alone again shows
    // how much of segment is the sentence model.
    t = performance.now();
    for (const paragraph of segmented.paragraphs) splitSentences(paragraph.text);
    spent.sentences += performance.now() - t;
    t = performance.now();
    extractClaims(raw.file, raw.id, raw.id, raw.text, raw.lineStarts, segmented);
    spent.claims += performance.now() - t;
  }
  return Object.entries(spent).map(([phase, ms]) => ({
    name:
      phase === "sentences"
        ? "index 10 MB phase: sentences (within segment)"
        : `index 10 MB phase: ${phase}`,
    value: ms,
    unit: "ms" as const,
  }));
}

export default async function indexBench(): Promise<BenchResult[]> {
  const cold = await coldSeedsBuild();
  const warmTimes: number[] = [];
  let seedClaims = 0;
  for (let i = 0; i < WARM_RUNS + 1; i++) {
    const started = performance.now();
    const ledger = await buildLedger(SEEDS);
    // The first in-process run warms the JIT; it is not one of the measured runs.
    if (i > 0) warmTimes.push(performance.now() - started);
    seedClaims = ledger.claims.length;
  }

  const corpus = await generateCorpus({ totalBytes: BIG_CORPUS_BYTES });
  try {
    const heapBefore = heapUsedMb();
    const big = await measureMemory(() => buildLedger(corpus.dir));
    const heapRetained = heapUsedMb() - heapBefore;
    const claims = big.result.claims.length;
    const results: BenchResult[] = [
      {
        name: "index seeds: cold import (code + sentence model)",
        value: cold.importMs,
        unit: "ms",
      },
      { name: "index seeds: cold first buildLedger", value: cold.buildMs, unit: "ms" },
      { name: "index seeds: cold total", value: cold.importMs + cold.buildMs, unit: "ms" },
      {
        name: `index seeds: warm median of ${WARM_RUNS}`,
        value: percentile(warmTimes, 50),
        unit: "ms",
        target: TARGETS.warmSeedsMs,
      },
      { name: "index seeds: claims", value: seedClaims, unit: "count" },
      {
        name: `index 10 MB: build (${corpus.documents} docs, ${(corpus.bytes / 1048576).toFixed(1)} MB)`,
        value: big.ms,
        unit: "ms",
        target: TARGETS.bigBuildMs,
      },
      { name: "index 10 MB: claims", value: claims, unit: "count" },
      { name: "index 10 MB: claims/s", value: claims / (big.ms / 1000), unit: "ops/s" },
      { name: "index 10 MB: peak rss growth during build", value: big.peakRssGrowthMb, unit: "MB" },
      { name: "index 10 MB: peak rss (whole process)", value: big.peakRssMb, unit: "MB" },
      { name: "index 10 MB: heap retained by the ledger", value: heapRetained, unit: "MB" },
    ];
    if (big.ms > TARGETS.bigBuildMs || process.env.BENCH_PHASES === "1")
      results.push(...(await phaseBreakdown(corpus.dir)));
    return results;
  } finally {
    await corpus.cleanup();
  }
}
