// Scores `ask` against a question file shaped like shared/eval/dev-questions.json:
// { k, questions: [{ q, gold: [{ file, line }] }], offtopic: [q] }. A question is answered
// when one of its first k citations covers a gold line; off-topic questions must get
// found:false. Gold files may be named with or without their folder.
import { z } from "zod";
import type { Citation } from "../corpus/types.ts";
import type { ThesisService } from "./types.ts";

export const questionFileSchema = z.object({
  k: z.number().int().min(1).default(3),
  questions: z.array(
    z.object({
      q: z.string().min(1),
      gold: z.array(z.object({ file: z.string(), line: z.number().int().min(1) })).min(1),
    }),
  ),
  offtopic: z.array(z.string()).default([]),
});
export type QuestionFile = z.infer<typeof questionFileSchema>;

export interface QuestionReport {
  k: number;
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
  results: { q: string; rank: number | null; cited: string[] }[];
  offTopicResults: { q: string; found: boolean }[];
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

export function evaluateQuestions(
  thesis: ThesisService,
  file: QuestionFile,
  failedQuotes: () => number,
): QuestionReport {
  const before = failedQuotes();
  const results = file.questions.map(({ q, gold }) => {
    const answer = thesis.ask(q, { limit: file.k });
    return {
      q,
      rank: rankOfGold(answer.citations, gold, file.k),
      cited: answer.citations.map((c) => `${c.file}:${c.lines[0]}-${c.lines[1]}`),
    };
  });
  const offTopicResults = file.offtopic.map((q) => ({ q, found: thesis.ask(q).found }));
  const n = Math.max(1, results.length);
  return {
    k: file.k,
    questions: results.length,
    recall: results.filter((r) => r.rank !== null).length / n,
    mrr: results.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / n,
    offTopic: offTopicResults.length,
    offTopicSilence: offTopicResults.length
      ? offTopicResults.filter((r) => !r.found).length / offTopicResults.length
      : 1,
    failedQuotes: failedQuotes() - before,
    results,
    offTopicResults,
  };
}
