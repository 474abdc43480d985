// Votes in, the admins' view out: totals, per command, and the answers rated worst.
import type { AnswerFeedback } from "../store/types.ts";
import type { FeedbackSummary, RatedAnswer } from "./types.ts";

/** How many worst-rated answers the summary lists. Defaults to 10. */
export const WORST_SHOWN = 10;

export function summarizeFeedback(records: readonly AnswerFeedback[]): FeedbackSummary {
  const byAnswer = new Map<string, RatedAnswer>();
  const byCommand: FeedbackSummary["byCommand"] = {};
  let up = 0;
  for (const record of records) {
    const command = record.command ?? record.answerKey.split(" ")[0] ?? "";
    const rated = byAnswer.get(record.answerKey) ?? {
      question: record.answerKey,
      command,
      up: 0,
      down: 0,
      citations: record.citations ?? [],
    };
    const tally = byCommand[command] ?? { up: 0, down: 0 };
    byCommand[command] = tally;
    if (record.vote === "up") {
      up++;
      rated.up++;
      tally.up++;
    } else {
      rated.down++;
      tally.down++;
    }
    byAnswer.set(record.answerKey, rated);
  }
  const worst = [...byAnswer.values()]
    .filter((answer) => answer.down > answer.up)
    .sort(
      (a, b) =>
        b.down - b.up - (a.down - a.up) || b.down - a.down || a.question.localeCompare(b.question),
    )
    .slice(0, WORST_SHOWN);
  return {
    votes: records.length,
    up,
    down: records.length - up,
    answers: byAnswer.size,
    byCommand,
    worst,
  };
}
