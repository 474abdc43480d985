// /thesis bullbear <topic>: the strongest bull and bear passages on a topic, side by side.
// A side the corpus does not argue is said plainly ("bear case: no source"), never invented.
import { z } from "zod";
import type { BullBearPair } from "../src/answer/types.ts";
import { NOT_ADVICE_FOOTER } from "../src/reply/build.ts";
import type { Reply, ReplySection } from "../src/reply/reply.ts";
import { defineSubcommand, unknownTopicMessage } from "./define.ts";
import { errorDocument } from "./failure.ts";
import { credit } from "./passages.ts";
import type { CommandContext } from "./types.ts";

const USAGE = "/thesis bullbear <topic>";
const NEEDS_TOPIC = "Name a topic, for example: /thesis bullbear tao";

const options = z.object({
  topic: z
    .string({ error: NEEDS_TOPIC })
    .trim()
    .min(1, { error: NEEDS_TOPIC })
    .max(100, { error: "That topic is too long. Name it in a word or two, like tao or china." }),
});

/** One side of a pair: its passage labelled "Bull 1" in the credit, or a plain "no source". */
function side(
  ctx: CommandContext,
  index: number,
  name: "Bull" | "Bear",
  pair: BullBearPair,
): ReplySection {
  const citation = name === "Bull" ? pair.bull : pair.bear;
  if (!citation) return { text: `${name} case: no source.`, citations: [] };
  return { citations: credit(ctx, [citation], () => `${name} ${index + 1}`) };
}

export const bullbearCommand = defineSubcommand({
  name: "bullbear",
  description: "Bull and bear passages on a topic, paired, each quoted from the sources",
  usage: USAGE,
  options,
  optionMeta: {
    topic: { description: "The topic, e.g. tao or open-weight", autocomplete: "topic" },
  },
  rest: "topic",
  async run(ctx, { topic: typed }): Promise<Reply> {
    // Any phrase: a known topic, or the words themselves matched over the ledger.
    const result = ctx.thesis.bullbear(typed);
    const label = result.label;
    const title = `Bull and bear: ${label}`;
    if (result.pairs.length === 0) {
      // A phrase no source says is the user's to fix, not a gap in the corpus: scripts get
      // UNKNOWN_TOPIC; the reader sees the same plain "no source argues either side".
      const data = result.known
        ? { topic: label, pairs: [] }
        : errorDocument("UNKNOWN_TOPIC", unknownTopicMessage(ctx, typed));
      return {
        kind: "empty",
        title,
        summary: `No source in the corpus argues either side of ${label} yet.`,
        sections: [
          side(ctx, 0, "Bull", { bull: null, bear: null }),
          side(ctx, 0, "Bear", { bull: null, bear: null }),
        ],
        actions: [],
        visibility: "private",
        footer: NOT_ADVICE_FOOTER,
        data,
      };
    }
    return {
      kind: "answer",
      title,
      summary: `The sources' case for and against ${label}, strongest pairing first.`,
      sections: result.pairs.flatMap((pair, i) => [
        side(ctx, i, "Bull", pair),
        side(ctx, i, "Bear", pair),
      ]),
      actions: [],
      visibility: "private",
      footer: NOT_ADVICE_FOOTER,
      data: { topic: label, pairs: result.pairs },
    };
  },
});
