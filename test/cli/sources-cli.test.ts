// `thesis-bot sources add|remove|refresh` in-process against a loopback web server and a
// SQLite store in a temp DATA_DIR: the --json shapes docs/CLI.md documents.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDS } from "../answer/seeds-service.ts";
import { startTestSite, type TestSite } from "../sources/web-server.ts";
import { runCliCapturing } from "./capture.ts";

let site: TestSite;
let dataDir: string;
let env: Record<string, string>;
beforeAll(async () => {
  site = await startTestSite();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "sources-cli-"));
  env = { CORPUS_DIR: SEEDS, DATA_DIR: dataDir, SOURCES_ALLOW_PRIVATE: "1" };
});
afterAll(async () => {
  await site?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("thesis-bot sources", () => {
  it("add URL stores and indexes the page, and the listing shows it as added", async () => {
    const added = await runCliCapturing(["sources", "add", site.url("/article"), "--json"], env);
    expect(added.code).toBe(0);
    const result = JSON.parse(added.stdout);
    expect(result).toMatchObject({
      source: {
        title: "Quokka subnet draws validators",
        origin: "chat",
        url: site.url("/article"),
      },
      claims: expect.any(Number),
      risks: expect.any(Number),
      indexMs: expect.any(Number),
    });
    expect(result.bearing.map((b: { topic: string }) => b.topic)).toContain("tao");
    const listed = JSON.parse((await runCliCapturing(["sources", "--json"], env)).stdout);
    expect(listed.sources).toHaveLength(6);
    expect(listed.sources.at(-1)).toMatchObject({ id: result.source.id, origin: "chat" });
  });

  it("add FILE keeps a text file as written, titled by its heading", async () => {
    const file = path.join(dataDir, "memo.md");
    await writeFile(
      file,
      "# Numbat memo\n\nThe Numbat subnet may lose half its miners if $TAO emissions fall again next quarter, operators warn.\n\nOthers expect Numbat rewards to recover once demand for inference returns to the network.\n\nA Numbat validator said the subnet would survive a weak quarter, but could not promise it.\n",
    );
    const run = await runCliCapturing(["sources", "add", file], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Added "Numbat memo" as text-[0-9a-f]{10}: \d+ claims, \d+ risks/);
  });

  it("a refused page is one sentence on stderr and an error document under --json", async () => {
    const run = await runCliCapturing(["sources", "add", site.url("/paper.pdf"), "--json"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "That link is a PDF, which cannot be added yet: paste its text instead.\n",
    );
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: "SOURCE_PDF",
        message: "That link is a PDF, which cannot be added yet: paste its text instead.",
      },
    });
  });

  it("remove ID takes it out", async () => {
    const listed = JSON.parse((await runCliCapturing(["sources", "--json"], env)).stdout);
    const id = listed.sources.find((s: { title: string }) => s.title === "Numbat memo").id;
    const run = await runCliCapturing(["sources", "remove", id, "--json"], env);
    expect(JSON.parse(run.stdout).removed).toMatchObject({ id, title: "Numbat memo" });
    const after = JSON.parse((await runCliCapturing(["sources", "--json"], env)).stdout);
    expect(after.sources.some((s: { id: string }) => s.id === id)).toBe(false);
  });
});
