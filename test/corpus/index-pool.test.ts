// Indexing on worker threads must give the very ledger the single-threaded build gives:
// the same claims (ids, kinds, stances, topics), sections and paragraphs in the same order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GeneratedCorpus, generateCorpus } from "../../bench/corpus-generator.ts";
import { buildLedgerFrom, buildLedgerInParallel, readCorpus } from "../../src/corpus/ledger.ts";

let corpus: GeneratedCorpus;
beforeAll(async () => {
  corpus = await generateCorpus({ totalBytes: 400 * 1024, seed: 7 });
});
afterAll(() => corpus?.cleanup());

describe("index pool", () => {
  it("builds the same ledger on two worker threads as on one thread", async () => {
    const read = await readCorpus(corpus.dir);
    const single = buildLedgerFrom(read);
    const progress: number[] = [];
    let byWorkers = 0;
    const parallel = await buildLedgerInParallel(read, (done) => progress.push(done), {
      workers: 2,
      minBytes: 0,
      mainThreadIndexes: false,
      onWorkerIndexed: () => byWorkers++,
    });
    // The workers really took part (a worker that fails leaves its files to the main thread).
    expect(byWorkers).toBe(read.files.length);
    expect(single.claims.length).toBeGreaterThan(1000);
    expect(parallel).toEqual(single);
    expect(progress.at(-1)).toBe(read.files.length);
  }, 60_000);

  it("keeps a small corpus on the main thread", async () => {
    const read = await readCorpus(corpus.dir);
    const parallel = await buildLedgerInParallel(read);
    expect(parallel.claims).toEqual(buildLedgerFrom(read).claims);
  }, 60_000);
});
