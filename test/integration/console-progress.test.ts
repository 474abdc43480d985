// The console (runApp with no chat tokens) shows how indexing goes at start-up through the
// progress display it is given: each stage of building the seeds' index, on its own lines,
// apart from the answers on stdout. The display's threshold is 0 here, so the small seeds
// (quicker than the one second a person would wait for) show it too.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, expect, it } from "vitest";
import { progressDisplay } from "../../src/app/progress-display.ts";
import { runApp } from "../../src/app/run.ts";
import { appIo } from "./app-io.ts";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "console-progress-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it("shows each indexing stage at start-up, then answers", async () => {
  const run = appIo({ DATA_DIR: dataDir, CORPUS_WATCH: "0" });
  const stream = new PassThrough();
  let shown = "";
  stream.on("data", (chunk) => {
    shown += String(chunk);
  });
  run.app.progress = progressDisplay(stream, { quietMs: 0 });
  run.stdin.end("/thesis ask why does distribution usually win?\n");
  expect(await runApp(run.app)).toBe(0);
  // A fresh DATA_DIR: the five seed articles are indexed, then their claims for search.
  expect(shown).toMatch(/^Indexing articles… 0 of 5\nIndexing claims for search… 0 of \d+\n$/);
  expect(run.out()).toContain("distribution usually wins");
});
