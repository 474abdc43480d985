// Indexing reports how far it has come (the console and the CLI draw it): counts that only
// grow, ending at the total, for the ledger's files and for the claims of the search index.
import { describe, expect, it } from "vitest";
import { openLedger } from "../../src/corpus/index-file.ts";
import { createLiveCorpus } from "../../src/sources/live-corpus.ts";
import { SEEDS } from "../answer/seeds-service.ts";

function recorder() {
  const seen: [number, number][] = [];
  return { seen, onProgress: (done: number, total: number) => seen.push([done, total]) };
}

function expectToCountUpToTotal(seen: [number, number][], total: number) {
  expect(seen.length).toBeGreaterThan(1);
  expect(seen[0]).toEqual([0, total]);
  expect(seen.at(-1)).toEqual([total, total]);
  for (const [i, [done, of]] of seen.entries()) {
    expect(of).toBe(total);
    if (i > 0) expect(done).toBeGreaterThan(seen[i - 1]?.[0] ?? 0);
  }
}

describe("indexing progress", () => {
  it("counts every file of the ledger build and every claim of the search index", () =>
    openLedger(SEEDS, null).then(async (reused) => {
      const files = recorder();
      // No index file: the seeds are built, and each file reported as it is indexed.
      const built = await openLedger(SEEDS, null, { onProgress: files.onProgress });
      expect(built.rebuiltBecause).toBe("no index yet");
      expectToCountUpToTotal(files.seen, built.ledger.documents.length);
      expect(files.seen).toHaveLength(built.ledger.documents.length + 1);

      const claims = recorder();
      createLiveCorpus(reused.ledger, { onProgress: claims.onProgress });
      expectToCountUpToTotal(claims.seen, reused.ledger.claims.length);
    }));
});
