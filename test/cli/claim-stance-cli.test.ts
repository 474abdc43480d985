// `eval --claim-stance` and `topics` as a script would use them: one JSON document each, on a
// Claim Stance-shaped folder written for this test (two topics, one article each).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCapturing } from "./capture.ts";

let root: string;
const DAMS = `. 
Dams provide cheap and reliable electricity without burning fuel.
Critics argue that large dams can displace thousands of people and destroy river ecosystems.
Dams were built on many rivers in the twentieth century.
Dams can control floods and store water for dry seasons.
Hydroelectric dams may fail in an earthquake, which could flood towns downstream.
`;
const ADS = `. 
Advertising informs consumers about products they may need.
Critics say advertising manipulates children and promotes consumerism.
Advertising pays for free newspapers and television.
Advertising was common in ancient Rome.
`;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "thesis-claim-stance-"));
  for (const [id, text] of [
    [1, DAMS],
    [2, ADS],
  ] as const) {
    await mkdir(path.join(root, "articles", `t${id}`), { recursive: true });
    await writeFile(path.join(root, "articles", `t${id}`, `clean_${id}.txt`), text);
  }
  const claim = (id: number, text: string, stance: "PRO" | "CON") => ({
    claimOriginalText: text,
    stance,
    article: { cleanFile: `articles/t${id}/clean_${id}.txt` },
  });
  await writeFile(
    path.join(root, "claims.json"),
    JSON.stringify([
      {
        topicId: 1,
        topicText: "This house would build hydroelectric dams",
        topicTarget: "build hydroelectric dams",
        topicSentiment: 1,
        claims: [
          claim(1, "Dams provide cheap and reliable electricity without burning fuel", "PRO"),
          claim(1, "large dams can displace thousands of people", "CON"),
        ],
      },
      {
        topicId: 2,
        topicText: "This house would ban advertising",
        topicTarget: "advertising",
        topicSentiment: -1,
        claims: [claim(2, "advertising manipulates children", "PRO")],
      },
    ]),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("eval --claim-stance", () => {
  it("prints one JSON document scoring each topic and the whole", async () => {
    const run = await runCliCapturing(["eval", "--claim-stance", root, "--json"], {
      DATA_DIR: path.join(root, "data"),
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.topics).toBe(2);
    expect(report.answered).toBe(2);
    expect(report.perTopic.map((t: { topicId: number }) => t.topicId)).toEqual([1, 2]);
    expect(report.goldShare).toBeGreaterThan(0);
    expect(report.rightSideShare).toBeGreaterThanOrEqual(0);
    expect(report.rightSideShare).toBeLessThanOrEqual(1);
  });

  it("refuses a split other than tune or test, as one JSON error", async () => {
    const run = await runCliCapturing(
      ["eval", "--claim-stance", root, "--split", "train", "--json"],
      { DATA_DIR: path.join(root, "data") },
    );
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toBe('--split is "tune" or "test".');
  });
});

describe("eval --claim-stance --risk-sample", () => {
  it("draws the same entries for the same seed, each with where to read it", async () => {
    const draw = async (seed: string) => {
      const run = await runCliCapturing(
        ["eval", "--claim-stance", root, "--risk-sample", "5", "--seed", seed, "--json"],
        { DATA_DIR: path.join(root, "data") },
      );
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout);
    };
    const first = await draw("51");
    expect(first.population).toBeGreaterThan(0);
    expect(first.sample.length).toBe(Math.min(5, first.population));
    for (const entry of first.sample) {
      expect(entry).toMatchObject({ topicId: expect.any(Number), split: expect.any(String) });
      expect(entry.file).toMatch(/^t\d+\/clean_\d+\.txt$/);
      expect(entry.quote.length).toBeGreaterThan(0);
      expect(entry).not.toHaveProperty("realRisk");
    }
    expect(await draw("51")).toEqual(first);
  });

  it("refuses a size that is not a whole number, as one JSON error", async () => {
    const run = await runCliCapturing(
      ["eval", "--claim-stance", root, "--risk-sample", "many", "--json"],
      { DATA_DIR: path.join(root, "data") },
    );
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toBe(
      "--risk-sample is a whole number of 1 or more.",
    );
  });
});

describe("topics", () => {
  it("prints the corpus's topics with claim counts as one JSON document", async () => {
    const run = await runCliCapturing(["topics", "--json"], {
      CORPUS_DIR: path.join(root, "articles", "t1"),
      DATA_DIR: path.join(root, "data-t1"),
    });
    expect(run.code).toBe(0);
    const { topics } = JSON.parse(run.stdout);
    const dams = topics.find((t: { id: string }) => /^dams?$/.test(t.id));
    expect(dams?.claims).toBeGreaterThanOrEqual(4);
  });
});
