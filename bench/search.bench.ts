// Search engine speed and memory on a deterministic synthetic corpus: 10,000 documents of
// ~100 words drawn from a Zipf-distributed vocabulary, like natural text.

import { percentile } from "../src/eval/metrics.ts";
import { seededRandom as random } from "../src/lib/seeded-random.ts";
import { findCounterArguments } from "../src/search/counter.ts";
import { createSearchIndex } from "../src/search/engine.ts";
import type { SearchDocument } from "../src/search/types.ts";
import type { BenchResult } from "./types.ts";

const DOCS = 10_000;
const WORDS_PER_DOC = 100;
const VOCABULARY = 30_000;
const QUERIES = 500;

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ten",
  "sor",
  "vu",
  "ral",
  "pe",
  "dri",
  "zan",
  "qua",
  "nix",
  "bo",
  "fel",
  "gry",
  "hu",
];

function makeVocabulary(next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const length = 2 + Math.floor(next() * 3);
    let word = "";
    for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Samples word ranks with probability proportional to 1 / rank^1.07 (Zipf's law). */
function zipfSampler(size: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / (rank + 1) ** 1.07;
    cumulative[rank] = total;
  }
  return () => {
    const target = next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export default async function searchBench(): Promise<BenchResult[]> {
  const next = random(20240601);
  const vocabulary = makeVocabulary(next);
  const sample = zipfSampler(vocabulary.length, next);
  const words = (count: number) =>
    Array.from({ length: count }, () => vocabulary[sample()]!).join(" ");
  const documents: SearchDocument[] = Array.from({ length: DOCS }, (_, i) => ({
    id: `doc-${i}`,
    title: words(6),
    text: words(WORDS_PER_DOC - 6),
  }));
  // Questions use mid-frequency words, as people do; arguments are whole paragraphs.
  const queries = Array.from({ length: QUERIES }, () => {
    const length = 2 + Math.floor(next() * 5);
    return Array.from({ length }, () => vocabulary[20 + Math.floor(next() * 3000)]!).join(" ");
  });
  const argumentsToRebut = Array.from({ length: 100 }, () => words(150));

  const before = process.memoryUsage();
  const started = performance.now();
  const index = createSearchIndex(documents);
  const indexMs = performance.now() - started;
  const after = process.memoryUsage();

  const times: number[] = [];
  for (const query of queries) {
    const t0 = performance.now();
    index.search(query);
    times.push(performance.now() - t0);
  }
  const counterTimes: number[] = [];
  for (const argument of argumentsToRebut) {
    const t0 = performance.now();
    findCounterArguments(index, argument);
    counterTimes.push(performance.now() - t0);
  }
  const peak = process.memoryUsage();

  return [
    { name: "search: index 10,000 docs x 100 words", value: indexMs, unit: "ms", target: 10_000 },
    {
      name: "search: query p50 (500 chat queries)",
      value: percentile(times, 50),
      unit: "ms",
      target: 20,
    },
    {
      name: "search: query p99 (500 chat queries)",
      value: percentile(times, 99),
      unit: "ms",
      target: 100,
    },
    {
      name: "search: counter p50 (150-word arguments)",
      value: percentile(counterTimes, 50),
      unit: "ms",
      target: 100,
    },
    {
      name: "search: counter p99 (150-word arguments)",
      value: percentile(counterTimes, 99),
      unit: "ms",
    },
    {
      name: "search: rss growth building the index",
      value: mb(after.rss - before.rss),
      unit: "MB",
      target: 500,
    },
    {
      name: "search: heap growth building the index",
      value: mb(after.heapUsed - before.heapUsed),
      unit: "MB",
      target: 300,
    },
    { name: "search: rss growth after all queries", value: mb(peak.rss - before.rss), unit: "MB" },
  ];
}
