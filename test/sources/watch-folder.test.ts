// A file added to, changed in and removed from a watched folder is answered about (or no
// longer) within 5 s, without a restart.
import { cp, mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLedger } from "../../src/corpus/index-file.ts";
import { createLiveCorpus, type LiveCorpus } from "../../src/sources/live-corpus.ts";
import { type FolderWatch, watchFolder } from "../../src/sources/watch-folder.ts";
import { SEEDS } from "../answer/seeds-service.ts";

let dir: string;
let live: LiveCorpus;
let watch: FolderWatch;

async function eventually(check: () => boolean, withinMs = 5_000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

beforeAll(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), "watch-test-")), "corpus");
  await cp(SEEDS, dir, { recursive: true });
  const opened = await openLedger(dir, null);
  live = createLiveCorpus(opened.ledger, { sourceTexts: opened.sourceTexts });
  watch = watchFolder(dir, live, { debounceMs: 100 });
});
afterAll(async () => {
  watch?.close();
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const cited = (question: string, file: string) =>
  live.thesis.ask(question).citations.some((c) => c.file === file);

describe("watching CORPUS_DIR", () => {
  const file = "corpus/notes/platypus.md";
  it("indexes a new file and answers about it within 5 s", async () => {
    await mkdir(path.join(dir, "notes"));
    await writeFile(
      path.join(dir, "notes", "platypus.md"),
      "# Platypus miners\n\nThe Platypus subnet says its miners doubled their output after the upgrade, and $TAO holders may benefit.\n\nCritics warn that Platypus emissions could collapse if demand fades.\n",
    );
    const ms = await eventually(() => cited("what happened to the Platypus miners?", file));
    expect(ms).toBeLessThan(5_000);
  });

  it("re-indexes a changed file: the old text is no longer quoted", async () => {
    await writeFile(
      path.join(dir, "notes", "platypus.md"),
      "# Platypus miners\n\nThe Platypus subnet halted after a bug wiped its validator weights, and $TAO fell on the news.\n",
    );
    await eventually(() => cited("why did the Platypus subnet halt?", file));
    const quotes = live.thesis.ask("Platypus miners output").citations.map((c) => c.quote);
    expect(quotes.join(" ")).not.toMatch(/doubled their output/);
  });

  it("drops a removed file", async () => {
    await unlink(path.join(dir, "notes", "platypus.md"));
    await eventually(() => !live.ledger().documents.some((d) => d.file === file));
    expect(cited("Platypus subnet", file)).toBe(false);
  });
});
