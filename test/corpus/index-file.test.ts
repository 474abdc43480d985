import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
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

  it("is rebuilt, with the reason, when the file is not a ledger: torn, null, [], a folder, or missing its data", async () => {
    const first = await openLedger(corpus, indexFile);
    const { corpusHash } = JSON.parse(await readFile(indexFile, "utf8"));
    const broken: [string, string, RegExp][] = [
      ["torn", '{"schemaVersion": 1, "claims": [', /not valid JSON/],
      ["null", "null", /top level/],
      ["an array", "[]", /top level/],
      ["version zero", JSON.stringify({ schemaVersion: 0 }), /schemaVersion/],
      ["a string version", JSON.stringify({ schemaVersion: "2" }), /schemaVersion/],
      ["no data", JSON.stringify({ schemaVersion: 1, corpusHash }), /documents/],
      [
        "a claim without lines",
        JSON.stringify({ ...first.ledger, claims: [{ ...first.ledger.claims[0], lines: null }] }),
        /claims\.0\.lines/,
      ],
    ];
    for (const [what, text, reason] of broken) {
      await writeFile(indexFile, text);
      const reopened = await openLedger(corpus, indexFile);
      expect(reopened.rebuiltBecause, what).toBe("the index file was unusable");
      expect(reopened.indexProblem, what).toMatch(reason);
      expect(reopened.indexProblem, what).toContain(indexFile);
      expect(reopened.ledger.claims, what).toEqual(first.ledger.claims);
      // The rebuilt index was written back and is reused next time.
      expect((await openLedger(corpus, indexFile)).rebuiltBecause, what).toBeNull();
    }
  });

  it("is rebuilt when a folder stands where the file belongs, which is moved aside", async () => {
    await mkdir(indexFile, { recursive: true });
    await writeFile(path.join(indexFile, "keep.txt"), "someone's file");
    const opened = await openLedger(corpus, indexFile);
    expect(opened.indexProblem).toMatch(/not a file/);
    expect(opened.ledger.claims.length).toBeGreaterThan(0);
    expect((await stat(indexFile)).isFile()).toBe(true);
    const aside = (await readdir(path.dirname(indexFile))).find((n) => n.includes("moved-aside"));
    expect(
      await readFile(path.join(path.dirname(indexFile), aside ?? "", "keep.txt"), "utf8"),
    ).toBe("someone's file");
  });

  it("is refused, with a message saying what to do, only when a newer version wrote it", async () => {
    await openLedger(corpus, indexFile);
    const stored = JSON.parse(await readFile(indexFile, "utf8"));
    await writeFile(indexFile, JSON.stringify({ ...stored, schemaVersion: 99 }));
    await expect(openLedger(corpus, indexFile)).rejects.toThrow(IndexVersionError);
    await expect(openLedger(corpus, indexFile)).rejects.toThrow(
      /schema version 99, but this thesis-bot reads version 2: it was written by a newer thesis-bot.*delete the file and it will be rebuilt/,
    );
  });
});
