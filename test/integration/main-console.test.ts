// `npm start` as a user runs it: no chat tokens, a question piped in, the rendered answer
// on stdout and exit code 0. One spawn: it is the slow part of this suite.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { runNode } from "./run-process.ts";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-main-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function runMain(stdin: string, env: Record<string, string>) {
  const tsx = path.join(PACKAGE_ROOT, "node_modules/tsx/dist/cli.mjs");
  return runNode([tsx, "src/main.ts"], { cwd: PACKAGE_ROOT, env, stdin });
}

it("answers a piped /thesis ask with the verbatim quote and its file and lines, then exits 0", async () => {
  // An environment with nothing but DATA_DIR (and PATH so tsx can find its loader).
  const { code, stdout, stderr } = await runMain(
    "/thesis ask why does distribution usually win?\n",
    { DATA_DIR: dataDir, PATH: process.env.PATH ?? "" },
  );
  expect(code, stderr).toBe(0);
  const match = /— (.+)\n +(seeds\/\S+\.txt), lines? (\d+)(?:–(\d+))?\n/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  expect(stdout).toContain("  > And in technology, distribution usually wins.");
  // The first quote shown is the text of the file at the lines it names.
  const [, , file, start, end] = match ?? [];
  const lines = (await readFile(path.join(PACKAGE_ROOT, file ?? ""), "utf8")).split("\n");
  const cited = lines.slice(Number(start) - 1, Number(end ?? start)).join("\n");
  const firstQuote = stdout
    .split("\n")
    .filter((line) => line.startsWith("  > "))
    .map((line) => line.slice(4));
  expect(cited).toContain(firstQuote[0]);
  // stdout holds replies only: no prompt, no log lines.
  expect(stdout).not.toContain("thesis>");
  expect(stdout).not.toContain("Corpus:");
  expect(stderr).toContain("Corpus: 5 sources");
}, 30_000);

it("stops with one sentence naming REDIS_URL, exit 1, when Redis does not answer", async () => {
  // Port 9 (discard) has no Redis on any machine this runs on.
  const { code, stdout, stderr } = await runMain("/thesis help\n", {
    DATA_DIR: dataDir,
    REDIS_URL: "redis://127.0.0.1:9",
    PATH: process.env.PATH ?? "",
  });
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr.trim().split("\n")).toEqual([
    expect.stringMatching(
      /^error: thesis-bot could not start\. Could not reach Redis at REDIS_URL \(redis:\/\/127\.0\.0\.1:9\) within 3 s/,
    ),
  ]);
}, 60_000);
