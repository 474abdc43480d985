// `eval --questions FILE` (recall@k, MRR, off-topic silence over our question format) and
// `eval --beir DIR [--mode search|counter|hybrid]` (nDCG@10, recall@100, MRR@10 over BEIR data;
// hybrid fuses the lexical ranking with an embedding ranking and reports both). The measuring
// is src/eval's; this file only reads the command line and words the report.
import {
  type ClaimStanceReport,
  drawRiskSample,
  EvalInputError,
  evaluateBeir,
  evaluateBeirHybridWithConfig,
  evaluateClaimStanceSplit,
  evaluateQuestions,
  type HybridBeirReport,
  type QuestionReport,
  readQuestionFile,
} from "../eval/index.ts";
import { type CliCommand, type CliInput, type CliOutput, CliUsageError } from "./io.ts";

const pct = (x: number) => x.toFixed(3);

/** `--split`, when given, is "tune" or "test". */
function splitOf(split: unknown): "tune" | "test" | undefined {
  if (split !== undefined && split !== "tune" && split !== "test")
    throw new CliUsageError('--split is "tune" or "test".');
  return split;
}

function positiveInteger(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliUsageError(`${flag} is a whole number of 1 or more.`);
  return n;
}

export const evalCommand: CliCommand = {
  name: "eval",
  summary: "Measure answers on a question file or search on a BEIR folder",
  usage:
    "thesis-bot eval (--questions FILE [--split tune|test] | --beir DIR [--mode search|counter|hybrid] | --claim-stance DIR [--split tune|test | --risk-sample N [--seed S]]) [--json]",
  valueFlags: ["questions", "beir", "mode", "split", "claim-stance", "risk-sample", "seed"],
  async run(input) {
    try {
      return await evaluate(input);
    } catch (error) {
      if (error instanceof EvalInputError) throw new CliUsageError(error.message);
      throw error;
    }
  },
};

async function evaluate(input: CliInput): Promise<CliOutput> {
  const { questions, beir, mode, split } = input.flags;
  const claimStance = input.flags["claim-stance"];
  if (typeof claimStance === "string" && input.flags["risk-sample"] !== undefined) {
    const size = positiveInteger(input.flags["risk-sample"], "--risk-sample");
    const seed = input.flags.seed === undefined ? 51 : positiveInteger(input.flags.seed, "--seed");
    const sample = await drawRiskSample(claimStance, size, seed);
    const text = sample.sample
      .map((e) => `${e.split} ${e.topicId} ${e.file}:${e.lines.join("-")}  ${e.quote}`)
      .join("\n");
    return {
      json: sample,
      text: `${text}\n${sample.sample.length} of ${sample.population} entries (tune ${sample.populationByHalf.tune}, test ${sample.populationByHalf.test}), seed ${seed}`,
    };
  }
  if (typeof claimStance === "string") {
    const half = splitOf(split);
    const report = await evaluateClaimStanceSplit(claimStance, half);
    return { json: { split: half ?? "all", ...report }, text: claimStanceText(report, half) };
  }
  if (typeof beir === "string" && mode === "hybrid") {
    const report = await evaluateBeirHybridWithConfig(input.config, beir);
    return { json: report, text: hybridText(report) };
  }
  if (typeof beir === "string") {
    if (mode !== undefined && mode !== "search" && mode !== "counter") {
      throw new CliUsageError('--mode is "search", "counter" or "hybrid".');
    }
    const report = await evaluateBeir(beir, { mode: mode ?? "search" });
    const text = `nDCG@10 ${pct(report.ndcg10)}  recall@100 ${pct(report.recall100)}  MRR@10 ${pct(report.mrr10)}\n${report.docs} docs, ${report.queries} queries; index ${Math.round(report.indexMs)} ms, query p50 ${report.queryP50Ms.toFixed(2)} ms, p99 ${report.queryP99Ms.toFixed(2)} ms`;
    return { json: report, text };
  }
  if (typeof questions === "string") {
    const file = await readQuestionFile(questions);
    const half = splitOf(split);
    const report = evaluateQuestions(await input.thesis(), file, input.droppedQuotes, {
      ...(half ? { split: half } : {}),
    });
    return { json: report, text: questionsText(report, half) };
  }
  throw new CliUsageError("Give --questions FILE, --beir DIR or --claim-stance DIR.");
}

function questionsText(report: QuestionReport, split: string | undefined): string {
  const misses = report.results.filter((r) => r.rank === null).map((r) => `  missed: ${r.q}`);
  const spoke = report.offTopicResults
    .filter((r) => r.found)
    .map((r) => `  answered off-topic: ${r.q}`);
  const unstable = report.invarianceFailures.map((f) => `  unstable: ${f.retyped}`);
  return [
    `${split ? `${split} half: ` : ""}${report.questions} questions  recall@${report.k} ${pct(report.recall)}  MRR ${pct(report.mrr)}  off-topic silence ${pct(report.offTopicSilence)} (${report.offTopic} questions)  invariance ${pct(report.invariance)}  failed quotes ${report.failedQuotes}`,
    ...Object.entries(report.recallByStyle).map(
      ([style, r]) => `  ${style}: recall@${report.k} ${pct(r.recall)} (${r.questions})`,
    ),
    ...misses,
    ...spoke,
    ...unstable,
  ].join("\n");
}

/** Lexical and hybrid scores side by side. */
function hybridText(report: HybridBeirReport): string {
  const { lexical } = report;
  return [
    `hybrid (${report.embeddingModel})  nDCG@10 ${pct(report.ndcg10)}  recall@100 ${pct(report.recall100)}  MRR@10 ${pct(report.mrr10)}`,
    `lexical                nDCG@10 ${pct(lexical.ndcg10)}  recall@100 ${pct(lexical.recall100)}  MRR@10 ${pct(lexical.mrr10)}`,
    `${report.docs} docs, ${report.queries} queries; index ${Math.round(report.indexMs)} ms, embed ${Math.round(report.embedMs)} ms, query p50 ${report.queryP50Ms.toFixed(2)} ms, p99 ${report.queryP99Ms.toFixed(2)} ms (query embedding not included)`,
  ].join("\n");
}

function claimStanceText(report: ClaimStanceReport, split: string | undefined): string {
  const rows = report.perTopic.map(
    (t) =>
      `  ${String(t.topicId).padEnd(5)} ${t.answered ? "answered" : "NO ANSWER"}  gold ${t.goldQuotes}/${t.quotes}  right ${t.rightSide}/${t.goldQuotes}  ask P@3 ${pct(t.askPrecision3)}  risks ${t.risks}  ${t.target}`,
  );
  return [
    `${split ?? "all"}: ${report.topics} topics, bullbear answered ${report.answered}; gold quotes ${pct(report.goldShare)}; right side ${pct(report.rightSideShare)}; ask P@3 ${pct(report.askPrecision3)}; risks ${report.risks}`,
    ...rows,
  ].join("\n");
}
