// Helpers for benches that play Slack or Discord from worker threads, so the load they make
// does not share an event loop with what they measure.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Workers do not inherit tsx's loader: register it inside the worker, then load bench/<file>. */
export function tsWorker(file: string, workerData: unknown): Worker {
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const target = JSON.stringify(pathToFileURL(path.join(here, file)).href);
  const code = `import(${api}).then((tsx) => { tsx.register(); return import(${target}); });`;
  return new Worker(code, { eval: true, workerData });
}

/** The next message from a worker, or its error. */
export function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

/** The p-th percentile (0..1) of `values`, nearest rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;
}
