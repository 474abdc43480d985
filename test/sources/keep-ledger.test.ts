// After a runtime change, topics are discovered again over the changed corpus and
// DATA_DIR/index/ledger.json is saved as the sources now are: from chat (the real manager,
// SQLite store) and from the watched folder; the next start reuses the saved ledger.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexOneFile } from "../../src/corpus/file-index.ts";
import { openLedger } from "../../src/corpus/index-file.ts";
import type { Ledger } from "../../src/corpus/ledger.ts";
import { topicLabel, useTopics } from "../../src/corpus/topics.ts";
import type { Claim } from "../../src/corpus/types.ts";
import { type KeptLedger, keepLedger } from "../../src/sources/keep-ledger.ts";
import { createLiveCorpus } from "../../src/sources/live-corpus.ts";
import { createSourceManager } from "../../src/sources/manager.ts";
import { watchFolder } from "../../src/sources/watch-folder.ts";
import { createStore } from "../../src/store/index.ts";
import { SEEDS } from "../answer/seeds-service.ts";

let root: string;
let corpusDir: string;
let indexFile: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "keep-ledger-"));
  corpusDir = path.join(root, "corpus");
  indexFile = path.join(root, "data", "index", "ledger.json");
  await cp(SEEDS, corpusDir, { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const quokka = (part: number) =>
  `# The Quokka subnet, part ${part}\n\n${Array.from(
    { length: 25 },
    (_, i) =>
      `Quokka validators on the Quokka subnet earned ${i + part} percent more as Quokka emissions rose, and Quokka miners expect Quokka rewards to keep climbing.`,
  ).join("\n\n")}\n`;

const saved = async (): Promise<Ledger> => JSON.parse(await readFile(indexFile, "utf8"));
const files = (ledger: Ledger) => ledger.documents.map((d) => d.file);

async function open(dataDir: string) {
  const opened = await openLedger(corpusDir, indexFile);
  const live = createLiveCorpus(opened.ledger, { sourceTexts: opened.sourceTexts });
  const kept: KeptLedger[] = [];
  const keeper = keepLedger(live, {
    indexFile,
    folderHash: opened.folderHash,
    delayMs: 20,
    onKept: (k) => kept.push(k),
  });
  const store = await createStore({ dataDir });
  const manager = await createSourceManager({ live, store, corpusDir, pollMs: 0, topicLabel });
  return {
    opened,
    live,
    kept,
    keeper,
    manager,
    async close() {
      manager.close();
      keeper.close();
      await store.close();
    },
  };
}

describe("keeping the ledger after a runtime change", () => {
  it("discovers topics again and saves ledger.json with added sources; a restart reuses it", async () => {
    const dataDir = path.join(root, "data");
    const first = await open(dataDir);
    expect(first.opened.rebuiltBecause).toBe("no index yet");
    const topicsBefore = first.live.ledger().topics.map((t) => t.id);
    expect(topicsBefore).not.toContain("quokka-subnet");

    // One article about Quokka is one file: discovery wants a word in two, so no new topic.
    const one = await first.manager.add({ text: quokka(1), title: "Quokka, part 1" });
    await first.keeper.flush();
    expect(first.kept.at(-1)).toMatchObject({ changed: false, saved: true });
    expect(files(await saved())).toContain(one.source.file);

    // A second one makes Quokka a topic of the corpus: every claim is read against it.
    const two = await first.manager.add({ text: quokka(2), title: "Quokka, part 2" });
    await first.keeper.flush();
    expect(first.kept.at(-1)).toMatchObject({ changed: true, saved: true });
    // At least the two Quokka articles are read again (here more: topics that left the 40 too).
    expect(first.kept.at(-1)?.files).toBeGreaterThanOrEqual(2);
    const quokkaSubnet = first.live.thesis.topics().find((t) => t.id === "quokka-subnet");
    expect(quokkaSubnet?.claims).toBe(one.claims + two.claims);
    expect(first.live.thesis.bullbear("quokka-subnet")).not.toBeNull();
    // Reading again only the files naming a topic that came or went labels every claim as
    // indexing every file against the new topics would.
    const labels = (claims: readonly Claim[]) =>
      new Map(claims.map((c) => [c.id, JSON.stringify([c.kind, c.topics, c.stances])]));
    const ledgerNow = first.live.ledger();
    useTopics(ledgerNow.topics);
    const everyFile = ledgerNow.documents.flatMap(
      (d) => indexOneFile(d, { id: d.id, file: d.file, title: d.title }).claims,
    );
    expect(labels(ledgerNow.claims)).toEqual(labels(everyFile));
    const onDisk = await saved();
    expect(files(onDisk)).toEqual(expect.arrayContaining([one.source.file, two.source.file]));
    expect(onDisk.topics.map((t) => t.id)).toContain("quokka-subnet");
    await first.close();

    // The next start reuses the saved ledger (the folder is unchanged) and quotes the added
    // sources from it; the store's sync agrees with it.
    const second = await open(dataDir);
    expect(second.opened.rebuiltBecause).toBeNull();
    expect(second.live.ledger().topics.map((t) => t.id)).toContain("quokka-subnet");
    const answer = second.live.thesis.ask("What do Quokka miners expect?");
    const addedFiles = [one.source.file, two.source.file];
    expect(answer.citations.filter((c) => addedFiles.includes(c.file)).length).toBeGreaterThan(0);

    // Removed: gone from the ledger on disk, and its topic with it once one file is left.
    await second.manager.remove(two.source.id);
    await second.keeper.flush();
    expect(second.kept.at(-1)).toMatchObject({ changed: true, saved: true });
    const afterRemove = await saved();
    expect(files(afterRemove)).not.toContain(two.source.file);
    expect(afterRemove.topics.map((t) => t.id)).not.toContain("quokka-subnet");
    await second.close();

    // A store change made while no bot ran (here: the record deleted) wins over the saved ledger.
    const store = await createStore({ dataDir });
    await store.sources.delete(one.source.id);
    await store.close();
    const third = await open(dataDir);
    expect(third.opened.rebuiltBecause).toBeNull();
    expect(files(third.live.ledger())).not.toContain(one.source.file);
    await third.close();
  });

  it("saves a file added to the watched folder, and a restart reuses the ledger", async () => {
    const dataDir = path.join(root, "data-watch");
    const run = await open(dataDir);
    const watch = watchFolder(corpusDir, run.live, { debounceMs: 50 });
    await writeFile(path.join(corpusDir, "wombat.md"), quokka(3).replace(/Quokka/g, "Wombat"));
    const file = `${path.basename(corpusDir)}/wombat.md`;
    const started = Date.now();
    while (
      !files(await saved().catch(() => ({ documents: [] }) as unknown as Ledger)).includes(file)
    ) {
      if (Date.now() - started > 5_000) throw new Error("ledger.json was not saved within 5 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    watch.close();
    await run.close();
    const reopened = await openLedger(corpusDir, indexFile);
    expect(reopened.rebuiltBecause).toBeNull();
    expect(files(reopened.ledger)).toContain(file);
  });
});
