import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateBeir } from "../../src/eval/beir.ts";
import { readBeirCorpus, readBeirQrels, readBeirQueries } from "../../src/eval/beir-load.ts";

const fixtures = path.join(import.meta.dirname, "../fixtures");
let selfHitDir = "";

beforeAll(async () => {
  // Two documents; the query is document "q" itself, as in ArguAna. Without dropping the
  // self-hit, "q" would rank first and the relevant "answer" second.
  selfHitDir = await mkdtemp(path.join(tmpdir(), "beir-self-"));
  await mkdir(path.join(selfHitDir, "qrels"));
  const corpus = [
    { _id: "q", title: "Tax meat", text: "A meat tax cuts livestock emissions." },
    { _id: "answer", title: "", text: "A meat tax moves livestock emissions abroad." },
    { _id: "noise", title: "", text: "Zoos keep elephants." },
  ];
  await writeFile(
    path.join(selfHitDir, "corpus.jsonl"),
    `${corpus.map((doc) => JSON.stringify(doc)).join("\n")}\n`,
  );
  await writeFile(
    path.join(selfHitDir, "queries.jsonl"),
    `${JSON.stringify({ _id: "q", text: "A meat tax cuts livestock emissions." })}\n`,
  );
  await writeFile(
    path.join(selfHitDir, "qrels", "test.tsv"),
    "query-id\tcorpus-id\tscore\nq\tanswer\t1\n",
  );
});

afterAll(async () => {
  await rm(selfHitDir, { recursive: true, force: true });
});

describe("BEIR loading", () => {
  it("streams the corpus and reads queries and graded qrels", async () => {
    const dir = path.join(fixtures, "beir-search");
    const docs = [];
    for await (const doc of readBeirCorpus(dir)) docs.push(doc);
    expect(docs).toHaveLength(30);
    expect(docs[0]?.title).toBe("Vitamin D supplementation and fracture risk in older adults");
    const queries = await readBeirQueries(dir);
    expect(queries.get("q3")).toBe("IL-6 is released by muscles during exercise.");
    const qrels = await readBeirQrels(dir);
    expect(qrels.size).toBe(12);
    expect(qrels.get("q10")).toEqual(
      new Map([
        ["d23", 2],
        ["d17", 0],
      ]),
    );
  });

  it("explains a missing file in a plain sentence", async () => {
    await expect(evaluateBeir(path.join(fixtures, "nope"), { mode: "search" })).rejects.toThrow(
      /The BEIR folder has no queries.jsonl/,
    );
  });
});

describe("evaluateBeir", () => {
  it("reports exactly the public fields, over the queries that have judgements", async () => {
    const report = await evaluateBeir(path.join(fixtures, "beir-search"), { mode: "search" });
    expect(Object.keys(report).sort()).toEqual(
      [
        "docs",
        "indexMs",
        "mrr10",
        "ndcg10",
        "queries",
        "queryP50Ms",
        "queryP99Ms",
        "recall100",
      ].sort(),
    );
    expect(report.docs).toBe(30);
    expect(report.queries).toBe(12);
    expect(report.ndcg10).toBeGreaterThan(0.9);
    expect(report.recall100).toBe(1);
  });

  it("drops the hit whose id equals the query id", async () => {
    const report = await evaluateBeir(selfHitDir, { mode: "search" });
    expect(report.mrr10).toBe(1);
    expect(report.ndcg10).toBe(1);
  });

  it("finds every rebuttal first on the debate fixture in counter mode", async () => {
    const report = await evaluateBeir(path.join(fixtures, "beir-counter"), { mode: "counter" });
    expect(report.queries).toBe(13);
    expect(report.mrr10).toBe(1);
  });
});
