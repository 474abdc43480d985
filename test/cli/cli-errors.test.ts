// Every way a command line or its environment can be wrong ends the same way: one sentence on
// stderr, exit 2 (the command line) or 1 (the environment), and under --json one document,
// {"error": {"code", "message"}}, on stdout, so a script never parses an empty string.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runCliCapturing } from "./capture.ts";

let dir: string;
let dataDir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "thesis-cli-errors-"));
  dataDir = path.join(dir, "data");
  await writeFile(path.join(dir, "a-file.txt"), "Not a folder.\n");
  await mkdir(path.join(dir, "empty"));
  await mkdir(path.join(dir, "beir-without-queries"));
  await writeFile(
    path.join(dir, "beir-without-queries", "corpus.jsonl"),
    '{"_id":"1","text":"x"}\n',
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (argv: string[], env: Record<string, string> = {}) =>
  runCliCapturing(argv, { DATA_DIR: dataDir, ...env });

/** The failure as both forms give it: JSON on stdout with --json, one sentence on stderr. */
function expectFailure(run: CliRun, exitCode: 1 | 2, code: string, message: RegExp) {
  expect(run.code, run.stderr).toBe(exitCode);
  const document = JSON.parse(run.stdout);
  expect(document).toEqual({ error: { code, message: expect.stringMatching(message) } });
  expect(run.stderr.trim().split("\n")).toEqual([document.error.message]);
  // One sentence: it ends once, at the end.
  expect(document.error.message).toMatch(/^[^\n]+[.?)]$/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("environment errors exit 1", () => {
  it("names CORPUS_DIR when it is missing, whatever the path is called", async () => {
    const missing = path.join(dir, "articles-here");
    const run = await cli(["sources", "--json"], { CORPUS_DIR: missing });
    expectFailure(run, 1, "PATH", /^CORPUS_DIR \(.*articles-here\) does not exist: set CORPUS_DIR/);
  });

  it("names CORPUS_DIR when it is a regular file", async () => {
    const run = await cli(["ask", "why?", "--json"], { CORPUS_DIR: path.join(dir, "a-file.txt") });
    expectFailure(run, 1, "PATH", /^CORPUS_DIR \(.*a-file\.txt\) is a file, not a folder/);
  });

  it("names DATA_DIR when it is a file", async () => {
    const run = await cli(["risks", "--json"], { DATA_DIR: path.join(dir, "a-file.txt") });
    expectFailure(run, 1, "PATH", /^DATA_DIR \(.*a-file\.txt\) is a file, not a folder/);
  });

  it("names the variable of a bad value, in one line however many are wrong", async () => {
    const run = await cli(["sources", "--json"], { PORT: "eighty", LOG_LEVEL: "loud" });
    expectFailure(
      run,
      1,
      "CONFIG",
      /^Invalid environment \(PORT: must be a port number; LOG_LEVEL: /,
    );
  });
});

describe("command-line errors exit 2", () => {
  it("refuses a date that does not exist, such as 2026-13-45", async () => {
    const run = await cli(["digest", "--date", "2026-13-45", "--json"]);
    expectFailure(run, 2, "BAD_DATE", /^"2026-13-45" is not a date: give it as YYYY-MM-DD/);
  });

  it("names the file a BEIR folder lacks", async () => {
    const beir = path.join(dir, "beir-without-queries");
    const run = await cli(["eval", "--beir", beir, "--json"]);
    expectFailure(run, 2, "BAD_BEIR_DIR", /^The BEIR folder has no queries\.jsonl/);
  });

  it("answers usage errors in JSON: an unknown option, a missing question, an unknown command", async () => {
    expectFailure(
      await cli(["ask", "--bogus", "--json"]),
      2,
      "USAGE",
      /^Unknown option '--bogus'\.$/,
    );
    expectFailure(await cli(["ask", "--json"]), 2, "USAGE", /^Ask a question, for example: /);
    expectFailure(
      await cli(["ask", "hi", "--limit", "99", "--json"]),
      2,
      "USAGE",
      /^The number of passages must be a whole number from 1 to 10\.$/,
    );
    expectFailure(await cli(["frobnicate", "--json"]), 2, "UNKNOWN_COMMAND", /^Unknown command/);
  });

  it("answers bullbear on an unknown topic in JSON", async () => {
    const run = await cli(["bullbear", "zzyzx-nothing", "--json"]);
    expectFailure(run, 2, "UNKNOWN_TOPIC", /^The sources say nothing about "zzyzx-nothing"/);
  });

  it("shows the usage line after the sentence in text mode, and prints nothing on stdout", async () => {
    const run = await cli(["digest", "--date", "2026-13-45"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^"2026-13-45" is not a date.*\nUsage: thesis-bot digest /);
  });
});

describe("warnings that do not stop a command", () => {
  it("warns in one sentence when CORPUS_DIR holds no article", async () => {
    const run = await cli(["sources", "--json"], { CORPUS_DIR: path.join(dir, "empty") });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ sources: [] });
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^warning: CORPUS_DIR \(.*empty\) holds no readable \.txt or \.md article/,
      ),
    ]);
  });

  it("rebuilds an index file that is not a ledger, saying so, and answers", async () => {
    const own = path.join(dir, "data-null-index");
    await mkdir(path.join(own, "index"), { recursive: true });
    await writeFile(path.join(own, "index", "ledger.json"), "null");
    const run = await cli(["sources", "--json"], { DATA_DIR: own });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).sources).toHaveLength(5);
    expect(run.stderr).toMatch(
      /^warning: The index at .*ledger\.json was unusable \(the top level: .*\); it was rebuilt\.$/m,
    );
  });
});
