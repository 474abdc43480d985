// /thesis feedback — what people thought of the answers: 👍 and 👎 counts, per command, and
// the questions rated worst. Admins only: the worst questions are other people's words.
import { z } from "zod";
import type { FeedbackSummary } from "../src/feedback/types.ts";
import { errorReply } from "../src/reply/build.ts";
import type { Reply, ReplySection } from "../src/reply/reply.ts";
import { defineSubcommand, truncate } from "./define.ts";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The summary as a Reply; its data is the `thesis-bot feedback --json` document. */
export function feedbackReply(summary: FeedbackSummary): Reply {
  const commands = Object.entries(summary.byCommand)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, tally]) => `${name}: ${tally.up} 👍, ${tally.down} 👎`);
  const sections: ReplySection[] = [
    ...(commands.length
      ? [{ heading: "By command", text: commands.join("\n"), citations: [] }]
      : []),
    ...(summary.worst.length
      ? [
          {
            heading: "Rated worst",
            text: summary.worst
              .map((a) => `${truncate(a.question, 120)} (${a.up} 👍, ${a.down} 👎)`)
              .join("\n"),
            citations: [],
          },
        ]
      : []),
  ];
  return {
    kind: "info",
    title: "Feedback on answers",
    summary:
      summary.votes === 0
        ? "No votes yet: answers in chat carry 👍 and 👎 buttons."
        : `${plural(summary.votes, "vote")} on ${plural(summary.answers, "answer")}: ${summary.up} 👍, ${summary.down} 👎.`,
    sections,
    actions: [],
    visibility: "private",
    data: summary,
  };
}

export const feedbackCommand = defineSubcommand({
  name: "feedback",
  description: "See how people rated the answers (admins)",
  usage: "/thesis feedback",
  options: z.object({}),
  optionMeta: {},
  preconditions: { admin: { to: "see the feedback" } },
  async run(ctx): Promise<Reply> {
    if (!ctx.feedback) return errorReply("Feedback is not recorded here.");
    return feedbackReply(await ctx.feedback.summary());
  },
});
