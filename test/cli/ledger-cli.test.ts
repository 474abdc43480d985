import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCapturing } from "./capture.ts";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "thesis-cli-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCapturing(argv, { DATA_DIR: dataDir });

describe("thesis-bot sources / claims / index", () => {
  it("lists the five sources as JSON with titles and outlets", async () => {
    const { code, stdout } = await cli("sources", "--json");
    expect(code).toBe(0);
    const { sources } = JSON.parse(stdout);
    expect(sources).toHaveLength(5);
    expect(sources[2]).toMatchObject({
      file: "seeds/002_1dc690997222f7d5.txt",
      outlet: "The Currency Analytics",
      author: "Nashi Sakamoto",
    });
  });

  it("filters claims by topic alias and kind, in the documented shape", async () => {
    const { code, stdout } = await cli(
      "claims",
      "--topic",
      "Bittensor",
      "--kind",
      "risk",
      "--json",
    );
    expect(code).toBe(0);
    const { claims } = JSON.parse(stdout);
    expect(claims.length).toBeGreaterThanOrEqual(10);
    for (const claim of claims) {
      expect(Object.keys(claim)).toEqual(
        expect.arrayContaining(["id", "text", "file", "lines", "kind", "stance", "topics"]),
      );
      expect(claim.kind).toBe("risk");
      expect(claim.topics).toContain("tao");
      expect(claim.stance.tao).toBe("bear");
    }
  });

  it("summarises the index for people", async () => {
    const { code, stdout } = await cli("index");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^5 sources, \d+ sections, \d+ paragraphs, \d+ claims \(\d+ ms\)/);
    expect(stdout).toMatch(/by kind: +assertion \d+, prediction \d+, risk \d+/);
  });

  it("says what is wrong with an unknown topic, kind or command, and exits 2", async () => {
    const topic = await cli("claims", "--topic", "France", "--json");
    expect(topic.code).toBe(2);
    expect(topic.stderr).toMatch(/Unknown topic "France": known topics are tao, /);
    // Under --json the failure is a JSON document on stdout too.
    expect(JSON.parse(topic.stdout)).toEqual({
      error: { code: "UNKNOWN_TOPIC", message: expect.stringMatching(/^Unknown topic "France"/) },
    });
    expect((await cli("claims", "--kind", "vibe")).stderr).toMatch(/Unknown kind "vibe"/);
    expect((await cli("frobnicate")).code).toBe(2);
  });
});
