// `thesis-bot sources [add URL|FILE | remove ID | refresh ID]`: the sources, and changing them
// from the command line. A change is written to the store (DATA_DIR's SQLite file, or Redis
// with REDIS_URL), where every running bot on that store picks it up within seconds.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { INDEXING_CLAIMS, indexFileOf } from "../app/open-thesis.ts";
import { sourceFetchOptions } from "../app/sources.ts";
import { decodeArticle } from "../corpus/load.ts";
import { topicLabel } from "../corpus/topics.ts";
import { SourceError } from "../sources/errors.ts";
import { type ExtractedArticle, extractArticle, fromPlainText } from "../sources/extract.ts";
import { keepLedger } from "../sources/keep-ledger.ts";
import { createLiveCorpus } from "../sources/live-corpus.ts";
import {
  type AddInput,
  createSourceManager,
  type SourceChangeResult,
  type SourceSummary,
} from "../sources/manager.ts";
import { createStore } from "../store/index.ts";
import { type CliCommand, type CliOutput, CliUsageError } from "./io.ts";

const USAGE = "thesis-bot sources [add URL|FILE | remove ID | refresh ID] [--json]";
/** Work shorter than this shows no progress line. */
const QUIET_MS = 1_000;

export const sourcesCommand: CliCommand = {
  name: "sources",
  summary: "List the sources; add a page or file, refresh or remove one",
  usage: USAGE,
  async run({ positionals, config, corpus, stderr, progress: indexing }) {
    const [action = "list", target, ...extra] = positionals;
    if (!["list", "add", "remove", "refresh"].includes(action) || extra.length > 0)
      throw new CliUsageError(`Unknown sources action "${action}": use add, remove or refresh.`);
    if (action !== "list" && !target)
      throw new CliUsageError(
        `Give what to ${action}: thesis-bot ${action === "add" ? "sources add URL|FILE" : `sources ${action} ID`}.`,
      );

    const started = performance.now();
    let shown = "";
    // One line per stage, only once the work has taken longer than a second.
    const progress = (message: string) => {
      shown = message;
      if (performance.now() - started > QUIET_MS) stderr(`${message}\n`);
    };
    const slow = setTimeout(() => shown && stderr(`${shown}\n`), QUIET_MS);
    slow.unref();

    const opened = await corpus();
    const live = createLiveCorpus(opened.ledger, {
      sourceTexts: opened.sourceTexts,
      onProgress: indexing(INDEXING_CLAIMS),
    });
    // A change is saved in ledger.json, topics discovered again, before the command ends.
    const keeper = keepLedger(live, {
      indexFile: indexFileOf(config),
      folderHash: opened.folderHash,
    });
    const store = await createStore({
      dataDir: config.DATA_DIR,
      ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}),
    });
    try {
      const manager = await createSourceManager({
        live,
        store,
        corpusDir: config.CORPUS_DIR,
        fetch: sourceFetchOptions(config),
        pollMs: 0,
        topicLabel,
      });
      shown = "";
      try {
        switch (action) {
          case "list":
            return listOutput(manager.list());
          case "add": {
            const added = await manager.add(await addInput(target ?? ""), {
              progress,
              addedBy: "cli",
            });
            await keeper.flush();
            return changeOutput("Added", added);
          }
          case "refresh": {
            const refreshed = await manager.refresh(target ?? "", { progress });
            await keeper.flush();
            return changeOutput("Refreshed", refreshed);
          }
          default: {
            const removed = await manager.remove(target ?? "");
            await keeper.flush();
            return {
              json: { removed },
              text: `Removed "${removed.title}" (${removed.id}) and its ${removed.claims} claims.`,
            };
          }
        }
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        stderr(`${error.message}\n`);
        const code = `SOURCE_${error.code.toUpperCase().replace(/-/g, "_")}`;
        return { json: null, text: "", exitCode: 1, error: { code, message: error.message } };
      } finally {
        manager.close();
      }
    } finally {
      keeper.close();
      clearTimeout(slow);
      await store.close();
    }
  },
};

/** A URL is fetched; anything else names a file: HTML is extracted, text kept as written. */
async function addInput(target: string): Promise<AddInput> {
  if (/^https?:\/\//i.test(target)) return { url: target };
  const file = path.resolve(target);
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile())
    throw new CliUsageError(`"${target}" is neither a web address nor a file.`, "NO_SUCH_FILE");
  const bytes = await readFile(file);
  let article: ExtractedArticle;
  if (/\.x?html?$/i.test(file)) {
    article = extractArticle({ url: pathToFileURL(file).href, contentType: "text/html", bytes });
  } else {
    const decoded = decodeArticle(bytes);
    if ("reason" in decoded)
      throw new SourceError("not-text", `That file cannot be added: ${decoded.reason}.`);
    article = fromPlainText(decoded.text);
  }
  return { ...article, title: article.title ?? path.basename(file).replace(/\.[^.]+$/, "") };
}

function listOutput(sources: SourceSummary[]): CliOutput {
  const text = sources
    .map(
      (s) =>
        `${s.file}\n  ${s.title}${s.outlet ? ` — ${s.outlet}` : ""}${s.author ? ` (${s.author})` : ""}\n  ${s.lines} lines, ${s.claims} claims · ${s.origin === "chat" ? "added" : "folder"}${s.addedAt ? ` ${s.addedAt.slice(0, 10)}` : ""} · id ${s.id}`,
    )
    .join("\n");
  return { json: { sources }, text };
}

function changeOutput(verb: string, result: SourceChangeResult): CliOutput {
  const topics = result.bearing
    .map((b) => `${b.label}: ${b.bull} bull, ${b.bear} bear, ${b.neutral} neutral`)
    .join("; ");
  return {
    json: result,
    text: [
      `${verb} "${result.source.title}" as ${result.source.id}: ${result.claims} claims, ${result.risks} risks (indexed in ${Math.round(result.indexMs)} ms).`,
      topics && `Topics: ${topics}.`,
    ]
      .filter(Boolean)
      .join("\n"),
  };
}
