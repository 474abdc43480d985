// The real `thesis-bot` process, its stderr a pipe: building the index of a corpus large
// enough to take over a second prints a plain progress line per stage (no bar's redraws),
// and stdout is still the result alone.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type GeneratedCorpus, generateCorpus } from "../../bench/corpus-generator.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { runNode } from "../integration/run-process.ts";

let corpus: GeneratedCorpus;
let dataDir: string;
beforeAll(async () => {
  // About 3 MB: a few seconds to index on this machine, well over the one-second threshold.
  corpus = await generateCorpus({ totalBytes: 3 * 1024 * 1024 });
  dataDir = await mkdtemp(path.join(tmpdir(), "progress-cli-"));
});
afterAll(async () => {
  await corpus?.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

function runCli(args: string[], env: Record<string, string>) {
  return runNode([path.join(PACKAGE_ROOT, "bin/thesis-bot.js"), ...args], {
    cwd: PACKAGE_ROOT,
    env,
  });
}

it("prints one progress line per stage on a piped stderr while a large index is built", async () => {
  const env = { CORPUS_DIR: corpus.dir, DATA_DIR: dataDir, PATH: process.env.PATH ?? "" };
  const run = await runCli(["index", "--json"], env);
  expect(run.code, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout).sources).toBeGreaterThan(100);
  const lines = run.stderr.split("\n").filter((line) => line.startsWith("Indexing"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Indexing articles… \d+ of (\d+)$/);
  // No terminal, no bar: no escape sequences, no carriage returns.
  expect(run.stderr.includes("\u001b") || run.stderr.includes("\r")).toBe(false);

  // The index is reused now: quick, so nothing is shown.
  const again = await runCli(["index", "--json"], env);
  expect(again.code).toBe(0);
  expect(again.stderr).not.toContain("Indexing");
}, 120_000);
