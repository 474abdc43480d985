// /thesis risks [topic]: the risk register, each risk with how many sources raise it.
import { z } from "zod";
import { topicLabel } from "../src/corpus/topics.ts";
import { NOT_ADVICE_FOOTER } from "../src/reply/build.ts";
import type { Reply } from "../src/reply/reply.ts";
import { isInvestmentTopic } from "./advice.ts";
import { defineSubcommand, lookupTopic } from "./define.ts";
import { credit } from "./passages.ts";

const USAGE = "/thesis risks [topic]";

const options = z.object({
  topic: z
    .string({ error: "A topic is a word or two, for example: /thesis risks tao" })
    .trim()
    .max(100, { error: "That topic is too long. Name it in a word or two, like tao or china." })
    .optional(),
});

export const risksCommand = defineSubcommand({
  name: "risks",
  description: "The risk register: risks the sources raise, with how many sources raise each",
  usage: USAGE,
  options,
  optionMeta: { topic: { description: "Limit to one topic, e.g. tao", autocomplete: "topic" } },
  rest: "topic",
  async run(ctx, { topic: typed }): Promise<Reply> {
    let topic: string | undefined;
    if (typed) {
      const found = lookupTopic(ctx, typed, USAGE);
      if (!found.ok) return found.reply;
      topic = found.id;
    }
    const result = ctx.thesis.risks(topic);
    const about = topic ? ` about ${topicLabel(topic)}` : "";
    // The whole register spans $TAO, so only a topic clearly away from money drops the footer.
    const footer = !topic || isInvestmentTopic(topic) ? { footer: NOT_ADVICE_FOOTER } : {};
    if (result.risks.length === 0) {
      return {
        kind: "empty",
        title: `Risks${about}`,
        summary: `No source in the corpus raises a risk${about} yet.`,
        sections: [],
        actions: [],
        visibility: "private",
        data: result,
      };
    }
    return {
      kind: "answer",
      title: `Risks${about}`,
      summary: `${result.risks.length} risk${result.risks.length === 1 ? "" : "s"} raised in the sources, most widely raised first.`,
      sections: result.risks.map((risk, i) => ({
        heading: `${i + 1}. ${risk.label}`,
        text: `Raised by ${risk.sources} source${risk.sources === 1 ? "" : "s"}.`,
        citations: credit(ctx, risk.citations),
      })),
      actions: [],
      visibility: "private",
      ...footer,
      data: result,
    };
  },
});
