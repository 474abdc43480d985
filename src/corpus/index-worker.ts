// A worker thread of the index pool (index-pool.ts): it is told the corpus's topics first,
// then indexes each batch of files it is sent with the same indexOneFile the main thread
// runs, so a file's index is the same whichever thread read it.
import { parentPort } from "node:worker_threads";
import { indexOneFile } from "./file-index.ts";
import type { RawFile } from "./load.ts";
import type { SourceEntry } from "./sources.ts";
import { type TopicDefinition, useTopics } from "./topics.ts";

export interface IndexBatch {
  batch: number;
  files: { raw: RawFile; meta: SourceEntry | undefined }[];
}

/**
 * Paragraphs and claims are their file's text at their offsets: they travel without it and
 * the main thread cuts it from the text it holds (restoreTexts in index-pool.ts), which sends
 * less and keeps those strings as slices of the file's text rather than copies.
 */
function withoutTexts(this: unknown, key: string, value: unknown): unknown {
  const holder = this as { offsets?: unknown };
  return key === "text" && Array.isArray(holder.offsets) ? undefined : value;
}

const port = parentPort;
if (!port) throw new Error("index-worker.ts runs only as a worker thread.");
port.on("message", (message: IndexBatch | { topics: TopicDefinition[] }) => {
  if ("topics" in message) {
    useTopics(message.topics);
    return;
  }
  const { batch, files } = message;
  // As JSON text: the main thread parses a string about 2.5 times as fast as it receives the
  // same objects by structured clone (a 10 MB corpus: 1.7 s against 4.2 s), and that time is
  // on its critical path.
  const indexed = files.map(({ raw, meta }) => indexOneFile(raw, meta));
  port.postMessage({ batch, indexed: JSON.stringify(indexed, withoutTexts) });
});
port.postMessage({ ready: true });
