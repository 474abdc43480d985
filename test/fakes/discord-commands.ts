// Small but real SubcommandDefinitions and a fixed-data ThesisService for the Discord tests,
// until the tests can also run the real command list over the seeds.
import { z } from "zod";
import type { SubcommandDefinition } from "../../commands/types.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import type { Citation, Claim } from "../../src/corpus/types.ts";

export const QUOTE: Citation = {
  file: "seeds/000_0cf94f8e47b27905.txt",
  lines: [12, 14],
  quote: "Open weights travel faster than any export control; distribution wins.",
  title: "China's open-weight push",
};

export const BEAR_QUOTE: Citation = {
  file: "seeds/003_fdf92715f1aa16f1.txt",
  lines: [40, 40],
  quote: "Subnet emissions can be gamed, and validators *collude*.",
  title: "The TAO bear case",
};

function claim(id: string, text: string, topic: string): Claim {
  return {
    id,
    text,
    file: QUOTE.file,
    sourceId: "000",
    lines: [1, 1],
    offsets: [0, text.length],
    sectionId: "s",
    section: null,
    paragraphId: "p",
    kind: "assertion",
    topics: [topic],
    stances: { [topic]: "neutral" },
    hedged: false,
  };
}

export function fixedThesis(): ThesisService {
  const topics = Array.from({ length: 40 }, (_, i) => ({
    id: `topic-${i}`,
    label: `Topic number ${i}`,
    claims: i,
  }));
  topics.push({ id: "tao", label: "Bittensor / TAO", claims: 99 });
  return {
    sources: () => [],
    ask: (question) => ({
      found: true,
      answer: `About: ${question}`,
      citations: [QUOTE],
      claimIds: ["c1"],
    }),
    risks: () => ({ risks: [] }),
    bullbear: (topic) => ({
      topic,
      label: topic,
      known: true,
      pairs: [{ bull: QUOTE, bear: BEAR_QUOTE }],
    }),
    quote: () => null,
    claims: () => [
      claim("c1", "Distribution wins ".repeat(10), "tao"),
      claim("c2", "Emissions can be gamed", "tao"),
    ],
    topics: () => topics,
  };
}

const ask: SubcommandDefinition = {
  name: "ask",
  description: "Ask the corpus a question",
  usage: "/thesis ask <question>",
  options: z.object({ question: z.string().min(3).max(300) }),
  optionMeta: { question: { description: "What to look up" } },
  rest: "question",
  async run(ctx, input: { question: string }) {
    const result = ctx.thesis.ask(input.question);
    return {
      kind: "answer",
      title: "What the sources say",
      summary: result.answer,
      sections: [{ citations: result.citations }],
      actions: [
        { id: "share", label: "Share to channel", value: `ask ${input.question}` },
        { id: "thread", label: "Quote in thread", value: `ask ${input.question}` },
        { id: "bearcase", label: "Show the bear case", value: "bullbear tao" },
      ],
      visibility: "private",
      footer: "Not financial advice.",
    };
  },
};

const bullbear: SubcommandDefinition = {
  name: "bullbear",
  description: "Bull and bear passages on a topic",
  usage: "/thesis bullbear <topic>",
  options: z.object({
    topic: z.string().min(1),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  }),
  optionMeta: {
    topic: { description: "Topic", autocomplete: "topic" },
    limit: { description: "How many pairs" },
  },
  async run(ctx, input: { topic: string; limit?: number }) {
    const { pairs } = ctx.thesis.bullbear(input.topic);
    const count = input.limit ?? 1;
    const sections = Array.from({ length: count }, (_, i) => ({
      heading: `Pair ${i + 1}`,
      citations: pairs.flatMap((p) => [p.bull, p.bear]).filter((c): c is Citation => c !== null),
    }));
    return {
      kind: "answer",
      title: `Bull and bear: ${input.topic}`,
      sections,
      actions: [],
      visibility: "private",
    };
  },
};

export const testCommands: SubcommandDefinition[] = [ask, bullbear];
