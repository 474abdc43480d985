import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { SearchDocument } from "../search/types.ts";

/** A BEIR folder that is missing a file or holds one that is not in the format. */
export class BeirDataError extends Error {
  override name = "BeirDataError";
}

/** query id -> (doc id -> graded relevance) */
export type Qrels = Map<string, Map<string, number>>;

async function requireFile(file: string): Promise<void> {
  try {
    await access(file);
  } catch {
    throw new BeirDataError(
      `The BEIR folder has no ${path.basename(file)} (looked for ${file}): a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/test.tsv.`,
    );
  }
}

/** Lines of a text file, read as a stream so corpora larger than memory-friendly strings work. */
async function* lines(file: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of reader) if (line.trim()) yield line;
}

function parseJsonLine(line: string, file: string, lineNumber: number): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new BeirDataError(`Line ${lineNumber} of ${file} is not valid JSON.`);
  }
}

/** Streams corpus.jsonl (`{_id, title, text}`) one document at a time. */
export async function* readBeirCorpus(dir: string): AsyncGenerator<SearchDocument> {
  const file = path.join(dir, "corpus.jsonl");
  await requireFile(file);
  let lineNumber = 0;
  for await (const line of lines(file)) {
    lineNumber++;
    const record = parseJsonLine(line, file, lineNumber);
    const title = typeof record.title === "string" ? record.title : "";
    yield { id: String(record._id), title, text: String(record.text ?? "") };
  }
}

/** queries.jsonl (`{_id, text}`) as id -> text. */
export async function readBeirQueries(dir: string): Promise<Map<string, string>> {
  const file = path.join(dir, "queries.jsonl");
  await requireFile(file);
  const queries = new Map<string, string>();
  let lineNumber = 0;
  for await (const line of lines(file)) {
    lineNumber++;
    const record = parseJsonLine(line, file, lineNumber);
    queries.set(String(record._id), String(record.text ?? ""));
  }
  return queries;
}

/** qrels/<split>.tsv with its `query-id corpus-id score` header line. */
export async function readBeirQrels(dir: string, split = "test"): Promise<Qrels> {
  const file = path.join(dir, "qrels", `${split}.tsv`);
  await requireFile(file);
  const qrels: Qrels = new Map();
  let first = true;
  for await (const line of lines(file)) {
    const [queryId, docId, score] = line.split("\t");
    if (first) {
      first = false;
      if (queryId === "query-id" || Number.isNaN(Number(score))) continue;
    }
    if (queryId === undefined || docId === undefined || score === undefined) continue;
    let judged = qrels.get(queryId);
    if (!judged) {
      judged = new Map();
      qrels.set(queryId, judged);
    }
    judged.set(docId, Number(score));
  }
  return qrels;
}
