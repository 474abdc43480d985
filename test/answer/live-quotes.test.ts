// The quote check reads the article as it is now, in a process that keeps running: after an
// article is edited, its old text is never quoted; after it is deleted, it is never cited.
// The console (runApp, as `npm start` runs it) is the long-running service here.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApp } from "../../src/app/run.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { runCliCapturing } from "../cli/capture.ts";
import { appIo } from "../integration/app-io.ts";

const ARTICLE = "000_0cf94f8e47b27905.txt";
const SENTENCE = "And in technology, distribution usually wins.";
// Same length, so only the modification time tells the change.
const EDITED = "And in technology, distribution usually lost.";

let dir: string;
let corpus: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "thesis-live-"));
  corpus = path.join(dir, "articles");
  await cp(path.join(PACKAGE_ROOT, "seeds"), corpus, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a running console after its articles change", () => {
  let run: ReturnType<typeof appIo>;
  let exited: Promise<number>;

  /** Sends one line and returns what the console printed for it (once output settles). */
  async function answer(line: string): Promise<string> {
    const before = run.out().length;
    run.stdin.write(`${line}\n`);
    const deadline = Date.now() + 20_000;
    let seen = before;
    for (;;) {
      await sleep(200);
      const now = run.out().length;
      if (now > before && now === seen) return run.out().slice(before);
      if (Date.now() > deadline) throw new Error(`no answer to ${line}; log: ${run.log()}`);
      seen = now;
    }
  }

  beforeAll(() => {
    run = appIo({ CORPUS_DIR: corpus, DATA_DIR: path.join(dir, "data") });
    exited = runApp(run.app);
  });

  it("quotes the article as it is at first", async () => {
    const reply = await answer("/thesis ask why does distribution usually win?");
    expect(reply).toContain(`> ${SENTENCE}`);
    expect(reply).toContain(`articles/${ARTICLE}, lines 21–23`);
  }, 60_000);

  it("never quotes the old text once the article is edited (same size, new mtime)", async () => {
    const file = path.join(corpus, ARTICLE);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(SENTENCE, EDITED));
    const reply = await answer("/thesis ask why does distribution usually win?");
    expect(reply).not.toContain(SENTENCE);
    expect(reply).not.toContain(`articles/${ARTICLE}, lines 21–23`);
    expect(run.log()).toContain(`Quote check dropped articles/${ARTICLE}:21-23 (not-at-lines).`);
    // Lines the edit did not touch are still quoted from the same article.
    expect(reply).toContain(`articles/${ARTICLE}, lines 57–58`);
  }, 60_000);

  it("never cites the article once it is deleted", async () => {
    await unlink(path.join(corpus, ARTICLE));
    const reply = await answer("/thesis ask why does distribution usually win?");
    expect(reply).not.toContain(ARTICLE);
    expect(run.log()).toMatch(
      new RegExp(`Quote check dropped articles/${ARTICLE}:\\d+-\\d+ \\(unknown-file\\)`),
    );
    const risks = await answer("/thesis risks");
    expect(risks).not.toContain(ARTICLE);
  }, 60_000);

  it("still ends cleanly at the end of its input", async () => {
    run.stdin.end();
    expect(await exited).toBe(0);
  }, 30_000);
});

describe("claims --json", () => {
  it("leaves out a claim whose text the index was tampered with, saying so", async () => {
    const dataDir = path.join(dir, "claims-data");
    const seeds = path.join(PACKAGE_ROOT, "seeds");
    const env = { CORPUS_DIR: seeds, DATA_DIR: dataDir };
    const honest = JSON.parse((await runCliCapturing(["claims", "--json"], env)).stdout).claims;
    const indexFile = path.join(dataDir, "index", "ledger.json");
    const ledger = JSON.parse(await readFile(indexFile, "utf8"));
    const target = ledger.claims[7];
    target.text = "Bittensor is guaranteed to triple by Friday.";
    await writeFile(indexFile, JSON.stringify(ledger));

    const run = await runCliCapturing(["claims", "--json"], env);
    expect(run.code).toBe(0);
    const claims = JSON.parse(run.stdout).claims as { id: string; text: string }[];
    expect(claims).toHaveLength(honest.length - 1);
    expect(claims.map((c) => c.id)).not.toContain(target.id);
    expect(run.stdout).not.toContain("guaranteed to triple");
    expect(run.stderr).toContain(
      `quote check refused ${target.file}:${target.lines.join("-")} (not-at-lines)`,
    );
  }, 60_000);
});
