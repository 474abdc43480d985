// Adding one article at runtime to a 10 MB corpus: only that file is indexed and merged into
// the ledger and the claim search index (src/sources/live-corpus), never a rebuild. Also
// shown for scale: the full build of the same corpus's claim index, which an add avoids.
// After the reply, off its path, topics are discovered again and ledger.json is saved
// (src/sources/keep-ledger.ts): both timed here too, without a target since nobody waits on
// them; the add, which the reply waits on, keeps its target.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openLedger, writeIndex } from "../src/corpus/index-file.ts";
import { lineStartsOf } from "../src/corpus/lines.ts";
import { percentile } from "../src/eval/metrics.ts";
import { createLiveCorpus } from "../src/sources/live-corpus.ts";
import { generateCorpus } from "./corpus-generator.ts";
import type { BenchResult } from "./types.ts";

const BIG_CORPUS_BYTES = 10 * 1024 * 1024;
const RUNS = 5;
const TARGETS = { addOneMs: 500 };

const ARTICLE = Array.from(
  { length: 30 },
  (_, i) =>
    `Paragraph ${i + 1}: the Quokka subnet on Bittensor could draw ${i + 3} hundred validators, analysts say, though $TAO may fall if emissions concentrate. Regulators might scrutinise the scheme, a risk for token holders.`,
).join("\n\n");

export default async function sourcesBench(): Promise<BenchResult[]> {
  const corpus = await generateCorpus({ totalBytes: BIG_CORPUS_BYTES });
  try {
    const opened = await openLedger(corpus.dir, null);
    const started = performance.now();
    const live = createLiveCorpus(opened.ledger, { sourceTexts: opened.sourceTexts });
    const fullIndexMs = performance.now() - started;
    const adds: number[] = [];
    const removes: number[] = [];
    const discoveries: number[] = [];
    const addAndDiscover: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const text = `# Quokka subnet, take ${i}\n\n${ARTICLE}\n`;
      const file = `added/bench-${i}`;
      const raw = { file, id: `bench-${i}`, text, lineStarts: lineStartsOf(text) };
      const added = live.apply({ put: [{ raw, stored: true }] });
      const topics = live.retopic();
      const removed = live.apply({ remove: [file] });
      live.retopic();
      // The first run warms the JIT; it is not measured.
      if (i === 0) continue;
      adds.push(added.ms);
      removes.push(removed.ms);
      discoveries.push(topics.discoverMs + topics.reindexMs);
      addAndDiscover.push(added.ms + topics.discoverMs + topics.reindexMs);
    }
    const scratch = await mkdtemp(path.join(os.tmpdir(), "bench-ledger-"));
    const saveStarted = performance.now();
    await writeIndex(path.join(scratch, "ledger.json"), live.ledger());
    const saveMs = performance.now() - saveStarted;
    await rm(scratch, { recursive: true, force: true });
    return [
      {
        name: `sources: add one article to 10 MB (${opened.ledger.claims.length} claims), median of ${RUNS}`,
        value: percentile(adds, 50),
        unit: "ms",
        target: TARGETS.addOneMs,
      },
      { name: "sources: remove one article, median", value: percentile(removes, 50), unit: "ms" },
      {
        name: "sources: topic re-discovery after an add, median (after the reply)",
        value: percentile(discoveries, 50),
        unit: "ms",
      },
      {
        // Not the reply's wait (re-discovery runs after it): what inline discovery would cost.
        name: "sources: add one article + topic re-discovery, median",
        value: percentile(addAndDiscover, 50),
        unit: "ms",
      },
      { name: "sources: save ledger.json of 10 MB (after the reply)", value: saveMs, unit: "ms" },
      {
        name: "sources: full claim index + service of 10 MB (avoided)",
        value: fullIndexMs,
        unit: "ms",
      },
    ];
  } finally {
    await corpus.cleanup();
  }
}
