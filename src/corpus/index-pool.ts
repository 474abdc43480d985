// Indexes a corpus's files on every core: files are independent (indexOneFile depends on
// the file and the topics alone), so batches of files go to worker threads while the main
// thread indexes batches too, and the results are put back in file order. A small corpus
// stays on the main thread: starting a worker (its own copy of the sentence model and
// word lists, about a second) costs more than it saves there.
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { claimTextAt } from "./claims.ts";
import { type FileIndex, indexOneFile } from "./file-index.ts";
import type { IndexBatch } from "./index-worker.ts";
import type { RawFile } from "./load.ts";
import type { SourceEntry } from "./sources.ts";
import type { TopicDefinition } from "./topics.ts";

/** Below this much text the main thread indexes alone. Defaults to 2 MB (about 2 s of work). */
export const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;
/** Files are handed out in batches of about this much text. Defaults to 64 KB. */
const BATCH_BYTES = 64 * 1024;
/** Batches a worker holds at once, so it never waits for the busy main thread to feed it. */
const BATCHES_IN_FLIGHT = 2;

export interface PoolOptions {
  /** Worker threads to start besides the main thread; defaults to one per other core. */
  workers?: number;
  /** Text below which the main thread indexes alone; defaults to PARALLEL_MIN_BYTES. */
  minBytes?: number;
  /** false leaves every batch to the workers (a test of them); defaults to true. */
  mainThreadIndexes?: boolean;
  onIndexed?: () => void;
  /** Told of each file a worker indexed (how much the workers took: for tests and benches). */
  onWorkerIndexed?: () => void;
}

type Meta = (file: string) => SourceEntry | undefined;

function batchesOf(files: readonly RawFile[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  files.forEach((raw, i) => {
    current.push(i);
    bytes += raw.text.length;
    if (bytes >= BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length) batches.push(current);
  return batches;
}

/** A worker's FileIndex comes without paragraph and claim texts (index-worker.ts). */
function restoreTexts(part: FileIndex, raw: RawFile): FileIndex {
  for (const p of part.paragraphs) p.text = raw.text.slice(p.offsets[0], p.offsets[1]);
  for (const c of part.claims) c.text = claimTextAt(raw.text, c.offsets);
  return part;
}

/**
 * The worker runs this module's sibling index-worker. Under tsx (the CLI, `npm start`,
 * tests) that is TypeScript, and a worker does not inherit tsx's loader, so it registers
 * tsx first; compiled JavaScript is loaded as it is.
 */
function startWorker(): Worker {
  const typescript = import.meta.url.endsWith(".ts");
  const target = JSON.stringify(
    new URL(`./index-worker.${typescript ? "ts" : "js"}`, import.meta.url).href,
  );
  const code = typescript
    ? `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${target}); });`
    : `import(${target});`;
  return new Worker(code, { eval: true });
}

/**
 * tsx's ESM register API, found from its package.json (require.resolve would pick the
 * CommonJS build of esm/api, whose hooks fail to load in a worker; a test runner may not
 * offer import.meta.resolve).
 */
function tsxEsmApi(): string {
  const root = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  return pathToFileURL(path.join(root, "dist", "esm", "api", "index.mjs")).href;
}

/**
 * Every file's index, in file order. `topicsInForce` works out the topics the files are read
 * against (topic discovery, about 0.6 s on 10 MB): it runs after the workers are started, so
 * their start-up (about 1.2 s: tsx, the sentence model, the word lists) overlaps it.
 */
export async function indexFilesInParallel(
  files: readonly RawFile[],
  topicsInForce: () => readonly TopicDefinition[],
  meta: Meta,
  options: PoolOptions = {},
): Promise<FileIndex[]> {
  const indexed: (FileIndex | undefined)[] = new Array(files.length);
  const indexHere = (i: number) => {
    const raw = files[i] as RawFile;
    indexed[i] = indexOneFile(raw, meta(raw.file));
    options.onIndexed?.();
  };
  const bytes = files.reduce((sum, f) => sum + f.text.length, 0);
  const workers = options.workers ?? Math.max(0, os.availableParallelism() - 1);
  if (workers === 0 || bytes < (options.minBytes ?? PARALLEL_MIN_BYTES)) {
    topicsInForce();
    for (let i = 0; i < files.length; i++) indexHere(i);
    return indexed as FileIndex[];
  }

  const batches = batchesOf(files);
  let next = 0;
  const take = () => (next < batches.length ? next++ : -1);
  // Batches a worker held when it failed: the main thread indexes them at the end.
  const orphaned: number[] = [];
  const started = Array.from({ length: workers }, () => {
    try {
      return startWorker();
    } catch {
      return null;
    }
  });
  const topics = topicsInForce();
  const running = started.map((worker) => runWorker(worker));

  function runWorker(worker: Worker | null): Promise<void> {
    return new Promise((resolve) => {
      if (!worker) {
        resolve();
        return;
      }
      // Queued until the worker listens; it reads every file against these.
      worker.postMessage({ topics });
      const held = new Set<number>();
      const send = () => {
        const batch = take();
        if (batch === -1) return;
        held.add(batch);
        const message: IndexBatch = {
          batch,
          files: (batches[batch] ?? []).map((i) => {
            const raw = files[i] as RawFile;
            return { raw, meta: meta(raw.file) };
          }),
        };
        worker.postMessage(message);
      };
      const finish = () => {
        orphaned.push(...held);
        held.clear();
        void worker.terminate();
        resolve();
      };
      worker.on("message", (message: { ready?: true; batch?: number; indexed?: string }) => {
        if (message.ready) {
          for (let k = 0; k < BATCHES_IN_FLIGHT; k++) send();
        } else if (message.batch !== undefined && message.indexed) {
          const ids = batches[message.batch] ?? [];
          (JSON.parse(message.indexed) as FileIndex[]).forEach((part, k) => {
            const i = ids[k] as number;
            indexed[i] = restoreTexts(part, files[i] as RawFile);
            options.onIndexed?.();
            options.onWorkerIndexed?.();
          });
          held.delete(message.batch);
          send();
        }
        if (held.size === 0) finish();
      });
      // A worker that cannot start or fails leaves its batches to the main thread.
      worker.on("error", finish);
      worker.on("exit", finish);
    });
  }

  for (
    let batch = options.mainThreadIndexes === false ? -1 : take();
    batch !== -1;
    batch = take()
  ) {
    for (const i of batches[batch] ?? []) indexHere(i);
    // A turn of the event loop, so the workers' results are received and they are fed.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  for (const batch of orphaned) for (const i of batches[batch] ?? []) indexHere(i);
  return indexed as FileIndex[];
}
