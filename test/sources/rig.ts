// A live corpus over the real seeds (or a folder given), a real store (SQLite in a temp
// folder, or Redis), and a source manager over both: what the app wires, minus chat.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { DroppedCitation } from "../../src/answer/quote-check.ts";
import { openLedger } from "../../src/corpus/index-file.ts";
import { topicLabel } from "../../src/corpus/topics.ts";
import { createLiveCorpus, type LiveCorpus } from "../../src/sources/live-corpus.ts";
import {
  createSourceManager,
  type SourceManager,
  type SourceManagerOptions,
} from "../../src/sources/manager.ts";
import { createStore, type Store, type StoreOptions } from "../../src/store/index.ts";
import { SEEDS } from "../answer/seeds-service.ts";
import { startTestSite, type TestSite } from "./web-server.ts";

export interface Rig {
  live: LiveCorpus;
  store: Store;
  manager: SourceManager;
  dropped: DroppedCitation[];
  dataDir: string;
  close(): Promise<void>;
}

export async function openRig(
  options: {
    corpusDir?: string;
    dataDir?: string;
    store?: Partial<StoreOptions>;
    manager?: Partial<SourceManagerOptions>;
  } = {},
): Promise<Rig> {
  const corpusDir = options.corpusDir ?? SEEDS;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "sources-test-")));
  const opened = await openLedger(corpusDir, null);
  const dropped: DroppedCitation[] = [];
  const live = createLiveCorpus(opened.ledger, {
    sourceTexts: opened.sourceTexts,
    onDroppedCitation: (d) => dropped.push(d),
  });
  const store = await createStore({ dataDir, ...options.store });
  const manager = await createSourceManager({
    live,
    store,
    corpusDir,
    fetch: { allowPrivate: true, timeoutMs: 2_000 },
    pollMs: 0,
    topicLabel,
    ...options.manager,
  });
  return {
    live,
    store,
    manager,
    dropped,
    dataDir,
    async close() {
      manager.close();
      await store.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A loopback web site and a rig over the seeds for the test file that calls this, opened
 * before its tests and closed after them.
 */
export function siteAndRigForFile(): { readonly site: TestSite; readonly rig: Rig } {
  const opened = {} as { site: TestSite; rig: Rig };
  beforeAll(async () => {
    opened.site = await startTestSite();
    opened.rig = await openRig();
  });
  afterAll(async () => {
    await opened.rig?.close();
    await opened.site?.close();
  });
  return opened;
}
