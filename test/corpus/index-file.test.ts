import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IndexVersionError, openLedger } from "../../src/corpus/index-file.ts";

let dir: string;
let corpus: string;
let indexFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "thesis-index-"));
  corpus = path.join(dir, "articles");
  indexFile = path.join(dir, "data", "index", "ledger.json");
  await import("node:fs/promises").then((fs) => fs.mkdir(corpus));
  await writeFile(
    path.join(corpus, "a.txt"),
    "Open models keep getting cheaper.\nClosed labs may lose pricing power.\n",
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the persisted index", () => {
  it("is built once, then reused while the corpus is unchanged", async () => {
    const first = await openLedger(corpus, indexFile);
    expect(first.rebuiltBecause).toBe("no index yet");
    const second = await openLedger(corpus, indexFile);
    expect(second.rebuiltBecause).toBeNull();
    expect(second.ledger.claims).toEqual(first.ledger.claims);
  });

  it("is rebuilt when a file changes or is added", async () => {
    await openLedger(corpus, indexFile);
    await writeFile(path.join(corpus, "b.md"), "Bittensor may fail.\n");
    const reopened = await openLedger(corpus, indexFile);
    expect(reopened.rebuiltBecause).toBe("the corpus or the pipeline's rules changed");
    expect(reopened.ledger.documents.map((d) => path.basename(d.file))).toEqual(["a.txt", "b.md"]);
  });

  it("is refused at a version that never existed, and rebuilt from a torn file", async () => {
    await openLedger(corpus, indexFile);
    const stored = JSON.parse(await readFile(indexFile, "utf8"));
    await writeFile(indexFile, JSON.stringify({ ...stored, schemaVersion: 0 }));
    await expect(openLedger(corpus, indexFile)).rejects.toThrow(IndexVersionError);
    await writeFile(indexFile, '{"schemaVersion": 1, "claims": [');
    expect((await openLedger(corpus, indexFile)).rebuiltBecause).toBe("no index yet");
  });

  it("is refused, with a message saying what to do, when its version is unknown", async () => {
    await openLedger(corpus, indexFile);
    const stored = JSON.parse(await readFile(indexFile, "utf8"));
    await writeFile(indexFile, JSON.stringify({ ...stored, schemaVersion: 99 }));
    await expect(openLedger(corpus, indexFile)).rejects.toThrow(
      /schema version 99, which this thesis-bot does not know .*delete the file and it will be rebuilt/,
    );
  });
});
