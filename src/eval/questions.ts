// Scores `ask` against a question file shaped like shared/eval/dev-questions.json:
// { k, questions: [{ q, gold: [{ file, line }], split? }], offtopic: [q | { q, split? }] }.
// A question is answered when one of its first k citations covers a gold line; off-topic
// questions must get found:false. Gold files may be named with or without their folder.
// A question may belong to the "tune" or "test" half of a file that was split once, so the
// half nobody tuned on can be reported on its own.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { ThesisService } from "../answer/types.ts";
import type { Citation } from "../corpus/types.ts";
import { fileLines } from "../lib/text.ts";
import { EvalInputError } from "./input-error.ts";
import { perturb, standardPerturbations } from "./perturb.ts";

const splitSchema = z.enum(["tune", "test"]).optional();
export type Split = "tune" | "test";

export const questionFileSchema = z.object({
  k: z.number().int().min(1).default(3),
  questions: z.array(
    z.object({
      q: z.string().min(1),
      gold: z.array(z.object({ file: z.string(), line: z.number().int().min(1) })).min(1),
      style: z.string().optional(),
      split: splitSchema,
    }),
  ),
  offtopic: z
    .array(z.union([z.string(), z.object({ q: z.string().min(1), split: splitSchema })]))
    .default([]),
});
export type QuestionFile = z.infer<typeof questionFileSchema>;

/** Reads and checks a question file; an EvalInputError says what is wrong with it. */
export async function readQuestionFile(file: string): Promise<QuestionFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new EvalInputError(`Could not read ${file} as JSON: ${(error as Error).message}`);
  }
  const checked = questionFileSchema.safeParse(parsed);
  if (!checked.success)
    throw new EvalInputError(`${file} is not a question file: ${checked.error.issues[0]?.message}`);
  return checked.data;
}

export interface QuestionReport {
  k: number;
  /** The half reported ("tune" or "test"), or undefined for the whole file. */
  split?: Split;
  questions: number;
  /** Share of questions with a gold line in the first k citations. */
  recall: number;
  /** Mean reciprocal rank of the first citation covering a gold line (0 when none does). */
  mrr: number;
  offTopic: number;
  /** Share of off-topic questions answered with found:false. */
  offTopicSilence: number;
  /** Citations the quote check refused while answering (they were never shown). */
  failedQuotes: number;
  /**
   * Of the answered questions' retypings (filler, case, punctuation, one typo), the share
   * still answered with the original first passage among the first k. 1 when none answered.
   */
  invariance: number;
  /** Recall@k per question style ("terse", "paraphrase", ...), where the file gives styles. */
  recallByStyle: Record<string, { questions: number; recall: number }>;
  results: { q: string; style?: string; rank: number | null; cited: string[] }[];
  offTopicResults: { q: string; found: boolean }[];
  /** Retypings that lost the original first passage. */
  invarianceFailures: { q: string; retyped: string }[];
}

export interface EvaluateOptions {
  split?: Split;
  /** Measure invariance (costs about 30 asks per answered question). Defaults to true. */
  invariance?: boolean;
}

const baseName = (file: string) => file.slice(file.lastIndexOf("/") + 1);

function rankOfGold(
  citations: Citation[],
  gold: { file: string; line: number }[],
  k: number,
): number | null {
  for (const [i, c] of citations.slice(0, k).entries()) {
    const hit = gold.some(
      (g) => baseName(g.file) === baseName(c.file) && g.line >= c.lines[0] && g.line <= c.lines[1],
    );
    if (hit) return i + 1;
  }
  return null;
}

const citationKey = (c: Citation) => fileLines(c.file, c.lines);

/** The distinct retypings of `q` (a retyping that leaves it unchanged tests nothing). */
const retypingsOf = (q: string) =>
  [...new Set(standardPerturbations(q).map((change) => perturb(q, change)))].filter(
    (retyped) => retyped !== q,
  );

/** Those retypings that no longer cite `first` among the first k passages. */
function unstableRetypings(thesis: ThesisService, retyped: string[], first: Citation, k: number) {
  const wanted = citationKey(first);
  return retyped.filter(
    (text) =>
      !thesis
        .ask(text, { limit: k })
        .citations.slice(0, k)
        .some((c) => citationKey(c) === wanted),
  );
}

export function evaluateQuestions(
  thesis: ThesisService,
  file: QuestionFile,
  failedQuotes: () => number,
  options: EvaluateOptions = {},
): QuestionReport {
  const inSplit = (split: Split | undefined) => !options.split || split === options.split;
  const before = failedQuotes();
  let retypings = 0;
  const invarianceFailures: { q: string; retyped: string }[] = [];
  const results = file.questions
    .filter((question) => inSplit(question.split))
    .map(({ q, gold, style }) => {
      const answer = thesis.ask(q, { limit: file.k });
      const rank = rankOfGold(answer.citations, gold, file.k);
      const first = answer.citations[0];
      if (rank !== null && first && options.invariance !== false) {
        const retyped = retypingsOf(q);
        retypings += retyped.length;
        for (const text of unstableRetypings(thesis, retyped, first, file.k)) {
          invarianceFailures.push({ q, retyped: text });
        }
      }
      return {
        q,
        ...(style ? { style } : {}),
        rank,
        cited: answer.citations.map(citationKey),
      };
    });
  const offTopicResults = file.offtopic
    .map((entry) => (typeof entry === "string" ? { q: entry } : entry))
    .filter((entry) => inSplit("split" in entry ? entry.split : undefined))
    .map(({ q }) => ({ q, found: thesis.ask(q).found }));
  const n = Math.max(1, results.length);
  const recallByStyle: QuestionReport["recallByStyle"] = {};
  for (const style of new Set(results.flatMap((r) => (r.style ? [r.style] : [])))) {
    const ofStyle = results.filter((r) => r.style === style);
    recallByStyle[style] = {
      questions: ofStyle.length,
      recall: ofStyle.filter((r) => r.rank !== null).length / ofStyle.length,
    };
  }
  return {
    k: file.k,
    ...(options.split ? { split: options.split } : {}),
    questions: results.length,
    recall: results.filter((r) => r.rank !== null).length / n,
    mrr: results.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / n,
    offTopic: offTopicResults.length,
    offTopicSilence: offTopicResults.length
      ? offTopicResults.filter((r) => !r.found).length / offTopicResults.length
      : 1,
    failedQuotes: failedQuotes() - before,
    invariance: retypings ? 1 - invarianceFailures.length / retypings : 1,
    recallByStyle,
    results,
    offTopicResults,
    invarianceFailures,
  };
}
