// `thesis-bot eval --beir DIR --mode hybrid` through the real CLI and `openai` client against
// the loopback fake: lexical and hybrid scores side by side, and plain errors when it cannot run.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { runCliCapturing } from "../cli/capture.ts";
import {
  embeddings,
  type FakeOpenAIServer,
  serverError,
  startFakeOpenAI,
} from "../fakes/openai-server.ts";

const BEIR = path.join(PACKAGE_ROOT, "test", "fixtures", "beir-search");

let server: FakeOpenAIServer;
let dataDir: string;

const jsonl = (file: string) =>
  readFileSync(path.join(BEIR, file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { _id: string; title?: string; text: string });

/**
 * An oracle embedder: each query and the documents judged relevant to it share one axis, so
 * the embedding ranking is perfect and fusing it can only help.
 */
function oracleVectors(): (text: string) => number[] {
  const queries = jsonl("queries.jsonl");
  const docs = jsonl("corpus.jsonl");
  const qrels = readFileSync(path.join(BEIR, "qrels", "test.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split("\t"));
  const axisOf = new Map<string, number>();
  queries.forEach((q, axis) => {
    axisOf.set(q.text, axis);
    for (const [queryId, docId] of qrels) {
      const doc = docs.find((d) => d._id === docId);
      if (queryId === q._id && doc)
        axisOf.set(doc.title ? `${doc.title}\n${doc.text}` : doc.text, axis);
    }
  });
  return (text) => {
    const vector = new Array(queries.length + 1).fill(0);
    vector[axisOf.get(text) ?? queries.length] = 1;
    return vector;
  };
}

beforeAll(async () => {
  server = await startFakeOpenAI();
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-eval-"));
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

const cli = (env: Record<string, string>, ...argv: string[]) =>
  runCliCapturing(argv, { DATA_DIR: dataDir, ...env });

const modelEnv = () => ({
  OPENAI_BASE_URL: server.baseURL,
  OPENAI_MODEL: "qwen2.5:7b",
  OPENAI_EMBEDDING_MODEL: "nomic-embed-text",
});

describe("eval --beir DIR --mode hybrid", () => {
  it("reports hybrid and lexical scores over the same queries", async () => {
    const vectorOf = oracleVectors();
    server.setHandler((request) => {
      const input = request.body.input;
      return embeddings((Array.isArray(input) ? input : [input ?? ""]).map(vectorOf));
    });
    const hybrid = await cli(modelEnv(), "eval", "--beir", BEIR, "--mode", "hybrid", "--json");
    expect(hybrid.stderr).toBe("");
    expect(hybrid.code).toBe(0);
    const report = JSON.parse(hybrid.stdout);
    const lexical = JSON.parse((await cli({}, "eval", "--beir", BEIR, "--json")).stdout);
    expect(report.mode).toBe("hybrid");
    expect(report.queries).toBe(lexical.queries);
    expect(report.lexical).toEqual({
      ndcg10: lexical.ndcg10,
      recall100: lexical.recall100,
      mrr10: lexical.mrr10,
    });
    expect(report.ndcg10).toBeGreaterThanOrEqual(lexical.ndcg10);
    expect(report.mrr10).toBeGreaterThanOrEqual(lexical.mrr10);

    const text = await cli(modelEnv(), "eval", "--beir", BEIR, "--mode", "hybrid");
    expect(text.stdout).toMatch(/^hybrid \(nomic-embed-text\)\s+nDCG@10 \d\.\d{3}/);
    expect(text.stdout).toMatch(/\nlexical\s+nDCG@10 \d\.\d{3}/);
  });

  it("says what to set when no embedding model is configured", async () => {
    const { code, stderr } = await cli({}, "eval", "--beir", BEIR, "--mode", "hybrid");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--mode hybrid needs an embedding model: set OPENAI_MODEL/);
  });

  it("fails in one sentence when the embedding endpoint does", async () => {
    server.setHandler(() => serverError());
    const fresh = await mkdtemp(path.join(tmpdir(), "thesis-eval-"));
    try {
      const { code, stderr } = await runCliCapturing(["eval", "--beir", BEIR, "--mode", "hybrid"], {
        DATA_DIR: fresh,
        ...modelEnv(),
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^The embedding endpoint did not embed the corpus/);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
