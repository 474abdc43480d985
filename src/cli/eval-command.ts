// `eval --questions FILE` (recall@k, MRR, off-topic silence over our question format) and
// `eval --beir DIR [--mode search|counter|hybrid]` (nDCG@10, recall@100, MRR@10 over BEIR data;
// hybrid fuses the lexical ranking with an embedding ranking and reports both).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { evaluateClaimStance, splitSchema } from "../answer/eval-claim-stance.ts";
import { evaluateQuestions, questionFileSchema } from "../answer/eval-questions.ts";
import { evaluateBeirHybrid } from "../llm/beir-hybrid.ts";
import { createOpenAIProvider, providerOptionsFromConfig } from "../llm/index.ts";
import { openModelCache } from "../llm/persistent-cache.ts";
import { evaluateBeir } from "../search/index.ts";
import { type CliCommand, type CliInput, type CliOutput, CliUsageError } from "./io.ts";

const pct = (x: number) => x.toFixed(3);

export const evalCommand: CliCommand = {
  name: "eval",
  summary: "Measure answers on a question file or search on a BEIR folder",
  usage:
    "thesis-bot eval (--questions FILE [--split tune|test] | --beir DIR [--mode search|counter|hybrid] | --claim-stance DIR [--split tune|test]) [--json]",
  valueFlags: ["questions", "beir", "mode", "split", "claim-stance"],
  async run(input) {
    const { questions, beir, mode, split } = input.flags;
    const claimStance = input.flags["claim-stance"];
    if (typeof claimStance === "string") return claimStanceEval(claimStance, split);
    if (typeof beir === "string" && mode === "hybrid") return hybridBeir(input, beir);
    if (typeof beir === "string") {
      if (mode !== undefined && mode !== "search" && mode !== "counter") {
        throw new CliUsageError('--mode is "search", "counter" or "hybrid".');
      }
      const report = await evaluateBeir(beir, { mode: mode ?? "search" });
      const text = `nDCG@10 ${pct(report.ndcg10)}  recall@100 ${pct(report.recall100)}  MRR@10 ${pct(report.mrr10)}\n${report.docs} docs, ${report.queries} queries; index ${Math.round(report.indexMs)} ms, query p50 ${report.queryP50Ms.toFixed(2)} ms, p99 ${report.queryP99Ms.toFixed(2)} ms`;
      return { json: report, text };
    }
    if (typeof questions === "string") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(questions, "utf8"));
      } catch (error) {
        throw new CliUsageError(`Could not read ${questions} as JSON: ${(error as Error).message}`);
      }
      const file = questionFileSchema.safeParse(parsed);
      if (!file.success)
        throw new CliUsageError(
          `${questions} is not a question file: ${file.error.issues[0]?.message}`,
        );
      if (split !== undefined && split !== "tune" && split !== "test") {
        throw new CliUsageError('--split is "tune" or "test".');
      }
      const report = evaluateQuestions(await input.thesis(), file.data, input.droppedQuotes, {
        ...(split ? { split } : {}),
      });
      const misses = report.results.filter((r) => r.rank === null).map((r) => `  missed: ${r.q}`);
      const spoke = report.offTopicResults
        .filter((r) => r.found)
        .map((r) => `  answered off-topic: ${r.q}`);
      const unstable = report.invarianceFailures.map((f) => `  unstable: ${f.retyped}`);
      const text = [
        `${split ? `${split} half: ` : ""}${report.questions} questions  recall@${report.k} ${pct(report.recall)}  MRR ${pct(report.mrr)}  off-topic silence ${pct(report.offTopicSilence)} (${report.offTopic} questions)  invariance ${pct(report.invariance)}  failed quotes ${report.failedQuotes}`,
        ...Object.entries(report.recallByStyle).map(
          ([style, r]) => `  ${style}: recall@${report.k} ${pct(r.recall)} (${r.questions})`,
        ),
        ...misses,
        ...spoke,
        ...unstable,
      ].join("\n");
      return { json: report, text };
    }
    throw new CliUsageError("Give --questions FILE, --beir DIR or --claim-stance DIR.");
  },
};

/**
 * Lexical and hybrid scores side by side, with the embedding model from the environment.
 * Vectors go to the same cache the bot uses, so a second run only embeds new texts.
 */
async function hybridBeir(input: CliInput, dir: string): Promise<CliOutput> {
  const options = providerOptionsFromConfig(input.config);
  if (!options?.embeddingModel) {
    throw new CliUsageError(
      "--mode hybrid needs an embedding model: set OPENAI_MODEL, OPENAI_EMBEDDING_MODEL and OPENAI_BASE_URL (or OPENAI_API_KEY).",
    );
  }
  const cache = await openModelCache({
    dataDir: input.config.DATA_DIR,
    ...(input.config.REDIS_URL ? { redisUrl: input.config.REDIS_URL } : {}),
  });
  try {
    const warnings: string[] = [];
    const provider = createOpenAIProvider({
      ...options,
      cache,
      logger: { warn: (message) => warnings.push(message) },
    });
    let report: Awaited<ReturnType<typeof evaluateBeirHybrid>>;
    try {
      report = await evaluateBeirHybrid(dir, provider);
    } catch (error) {
      const why = warnings.at(-1);
      throw new CliUsageError(`${(error as Error).message}${why ? ` (${why})` : ""}`);
    }
    const { lexical } = report;
    const text = [
      `hybrid (${report.embeddingModel})  nDCG@10 ${pct(report.ndcg10)}  recall@100 ${pct(report.recall100)}  MRR@10 ${pct(report.mrr10)}`,
      `lexical                nDCG@10 ${pct(lexical.ndcg10)}  recall@100 ${pct(lexical.recall100)}  MRR@10 ${pct(lexical.mrr10)}`,
      `${report.docs} docs, ${report.queries} queries; index ${Math.round(report.indexMs)} ms, embed ${Math.round(report.embedMs)} ms, query p50 ${report.queryP50Ms.toFixed(2)} ms, p99 ${report.queryP99Ms.toFixed(2)} ms (query embedding not included)`,
    ].join("\n");
    return { json: report, text };
  } finally {
    await cache.close();
  }
}

/** The topics split once by a fixed seed (see the file): tune on one half, report both. */
const SPLIT_FILE = fileURLToPath(
  new URL("../../test/fixtures/claim-stance-split.json", import.meta.url),
);

async function claimStanceEval(dir: string, split: unknown): Promise<CliOutput> {
  if (split !== undefined && split !== "tune" && split !== "test")
    throw new CliUsageError('--split is "tune" or "test".');
  const ids =
    split === undefined
      ? null
      : splitSchema.parse(JSON.parse(await readFile(SPLIT_FILE, "utf8")))[split];
  let report: Awaited<ReturnType<typeof evaluateClaimStance>>;
  try {
    report = await evaluateClaimStance(dir, ids);
  } catch (error) {
    throw new CliUsageError(`Could not evaluate ${dir}: ${(error as Error).message}`);
  }
  const rows = report.perTopic.map(
    (t) =>
      `  ${String(t.topicId).padEnd(5)} ${t.answered ? "answered" : "NO ANSWER"}  gold ${t.goldQuotes}/${t.quotes}  right ${t.rightSide}/${t.goldQuotes}  ask P@3 ${pct(t.askPrecision3)}  risks ${t.risks}  ${t.target}`,
  );
  const text = [
    `${split ?? "all"}: ${report.topics} topics, bullbear answered ${report.answered}; gold quotes ${pct(report.goldShare)}; right side ${pct(report.rightSideShare)}; ask P@3 ${pct(report.askPrecision3)}; risks ${report.risks}`,
    ...rows,
  ].join("\n");
  return { json: { split: split ?? "all", ...report }, text };
}
