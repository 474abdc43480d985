// /thesis quote <claim-id>: one claim from the ledger and the passage around it.
import { z } from "zod";
import { claimJson } from "../src/answer/claim-json.ts";
import { topicLabel } from "../src/corpus/topics.ts";
import type { Reply } from "../src/reply/reply.ts";
import { adviceFooter } from "./advice.ts";
import { defineSubcommand, truncate } from "./define.ts";
import { errorDocument } from "./failure.ts";
import { credit } from "./passages.ts";

const NEEDS_ID = "Give a claim id, for example: /thesis quote 3f9a2c1b";

const options = z.object({
  claim: z
    .string({ error: NEEDS_ID })
    .trim()
    .min(1, { error: NEEDS_ID })
    .max(100, { error: "That is not a claim id: ids are short codes such as 3f9a2c1b." }),
});

export const quoteCommand = defineSubcommand({
  name: "quote",
  description: "Show one claim from the ledger with the passage around it",
  usage: "/thesis quote <claim-id>",
  options,
  optionMeta: { claim: { description: "The claim's id", autocomplete: "claim" } },
  rest: "claim",
  async run(ctx, { claim: id }): Promise<Reply> {
    const result = ctx.thesis.quote(id);
    if (!result) {
      const summary = `No claim has the id "${truncate(id, 40)}". Ids come from answers and from "thesis-bot claims" on the command line.`;
      return {
        kind: "empty",
        title: "No such claim",
        summary,
        sections: [],
        actions: [],
        visibility: "private",
        data: errorDocument("UNKNOWN_CLAIM", summary),
      };
    }
    const { claim, context } = result;
    const topics = claim.topics.map(topicLabel).join(", ") || "none";
    return {
      kind: "answer",
      title: `Claim ${claim.id}`,
      summary: claim.text,
      sections: [
        {
          heading: "In context",
          text: `A ${claim.kind}${claim.hedged ? " (hedged)" : ""}. Topics: ${topics}.`,
          citations: credit(ctx, [context]),
        },
      ],
      actions: [],
      visibility: "private",
      ...adviceFooter(claim.text, ...claim.topics),
      data: { claim: claimJson(claim), context },
    };
  },
});
