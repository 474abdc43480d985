// Small real subcommands and a tiny in-memory ThesisService for the Slack tests, so they
// exercise the adapter without waiting on the real corpus. The real ones are tested end to
// end in slack-real-commands.test.ts once they exist.
import { z } from "zod";
import type { SubcommandDefinition } from "../../commands/types.ts";
import type { AskResult, ThesisService } from "../../src/answer/types.ts";
import type { Citation } from "../../src/corpus/types.ts";
import type { Reply } from "../../src/reply/reply.ts";

export const PASSAGES: Citation[] = [
  {
    file: "seeds/000_a.txt",
    lines: [12, 13],
    quote: "Open weights spread faster than any licence can follow.\nDistribution wins.",
    title: "China's open-weight push",
  },
  {
    file: "seeds/001_b.txt",
    lines: [40, 40],
    quote: "Subnet emissions reward whoever games the validators best.",
    title: "The $TAO bear case",
  },
];

export const tinyThesis: ThesisService = {
  sources: () => [],
  ask(question): AskResult {
    const words = question
      .toLowerCase()
      .split(/\W+/)
      .filter((w) => w.length > 3);
    const hits = PASSAGES.filter((p) => words.some((w) => p.quote.toLowerCase().includes(w)));
    return {
      found: hits.length > 0,
      answer: hits[0]?.quote.split("\n")[0] ?? "",
      citations: hits,
      claimIds: hits.map((_, i) => `c${i}`),
    };
  },
  risks: () => ({ risks: [] }),
  bullbear: (topic) => ({
    topic,
    label: topic,
    known: true,
    pairs: [{ bull: PASSAGES[0] ?? null, bear: PASSAGES[1] ?? null }],
  }),
  quote: () => null,
  claims: () => [],
  topics: () => [],
};

const askOptions = z.object({ question: z.string().min(1, "Ask a question after /thesis ask.") });

const ask: SubcommandDefinition<typeof askOptions> = {
  name: "ask",
  description: "Answer a question with cited passages",
  usage: "/thesis ask <question>",
  options: askOptions,
  optionMeta: { question: { description: "Your question" } },
  rest: "question",
  async run(ctx, { question }): Promise<Reply> {
    const result = ctx.thesis.ask(question);
    if (!result.found) {
      return {
        kind: "empty",
        title: `Nothing in the sources on: ${question}`,
        sections: [],
        actions: [],
        visibility: "private",
      };
    }
    return {
      kind: "answer",
      title: question,
      summary: result.answer,
      sections: [{ heading: "What the sources say", citations: result.citations }],
      actions: [
        { id: "share", label: "Share to channel", value: `ask ${question}` },
        { id: "thread", label: "Quote in thread", value: `ask ${question}` },
        { id: "bearcase", label: "Show the bear case", value: `bullbear ${question}` },
      ],
      visibility: "private",
      footer: "Not financial advice.",
    };
  },
};

const bullbearOptions = z.object({ topic: z.string().min(1) });

const bullbear: SubcommandDefinition<typeof bullbearOptions> = {
  name: "bullbear",
  description: "Bull and bear passages on a topic",
  usage: "/thesis bullbear <topic>",
  options: bullbearOptions,
  optionMeta: { topic: { description: "Topic" } },
  rest: "topic",
  async run(ctx, { topic }) {
    const { pairs } = ctx.thesis.bullbear(topic);
    const pair = pairs[0];
    return {
      kind: "answer",
      title: `Bull and bear: ${topic}`,
      sections: [
        { heading: "Bull", citations: pair?.bull ? [pair.bull] : [] },
        { heading: "Bear", citations: pair?.bear ? [pair.bear] : [] },
      ],
      actions: [],
      visibility: "private",
    };
  },
};

/** A command whose answer waits until the test releases it (for shutdown tests). */
export function gatedCommand(): { command: SubcommandDefinition; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const options = z.object({});
  const command: SubcommandDefinition<typeof options> = {
    name: "slow",
    description: "Answers once released",
    usage: "/thesis slow",
    options,
    optionMeta: {},
    async run() {
      await gate;
      return {
        kind: "info",
        title: "Finally answered",
        sections: [],
        actions: [],
        visibility: "private",
      };
    },
  };
  return { command, release };
}

const failingOptions = z.object({});
const explode: SubcommandDefinition<typeof failingOptions> = {
  name: "explode",
  description: "Always fails",
  usage: "/thesis explode",
  options: failingOptions,
  optionMeta: {},
  async run() {
    throw new Error("database on fire at /secret/path");
  },
};

export const testCommands: SubcommandDefinition[] = [
  ask as unknown as SubcommandDefinition,
  bullbear as unknown as SubcommandDefinition,
  explode as unknown as SubcommandDefinition,
];
