// /thesis ask <question>: the passages that answer it, best first, each quoted verbatim.
import { z } from "zod";
import { MAX_QUESTION_CHARS } from "../src/answer/limits.ts";
import type { Translation } from "../src/answer/model-types.ts";
import type { AskResult } from "../src/answer/types.ts";
import { resolveTopic } from "../src/corpus/topics.ts";
import type { Reply, ReplyAction, ReplyCitation, ReplySection } from "../src/reply/reply.ts";
import { adviceFooter } from "./advice.ts";
import { defineSubcommand, truncate } from "./define.ts";
import { ENGLISH_ONLY, isNotEnglish } from "./language.ts";
import { credit, findLead, foldHeadings } from "./passages.ts";
import type { CommandContext } from "./types.ts";

export const ASK_EXAMPLE = "/thesis ask why does distribution win?";

const options = z.object({
  question: z
    .string({ error: `Ask a question, for example: ${ASK_EXAMPLE}` })
    .trim()
    .min(1, { error: `Ask a question, for example: ${ASK_EXAMPLE}` })
    .max(MAX_QUESTION_CHARS, {
      error:
        "That question is too long. Keep it under 1,000 characters and ask one thing at a time.",
    }),
  // Declared after the rest option, so only structured surfaces (Discord) offer it.
  limit: z.coerce
    .number({ error: "The number of passages must be a whole number from 1 to 10." })
    .int({ error: "The number of passages must be a whole number from 1 to 10." })
    .min(1, { error: "The number of passages must be a whole number from 1 to 10." })
    .max(10, { error: "The number of passages must be a whole number from 1 to 10." })
    .optional(),
});

/**
 * The model's worded summary when one is configured and grounded in time; otherwise exactly
 * the extractive answer. A model that throws despite its contract still costs nothing.
 */
async function askWithOptionalModel(
  ctx: CommandContext,
  question: string,
  limit: number | undefined,
): Promise<AskResult & { synthesized?: boolean }> {
  const extractive = () => ctx.thesis.ask(question, limit === undefined ? undefined : { limit });
  if (!ctx.model) return extractive();
  try {
    return await ctx.model.answer(question, limit);
  } catch {
    return { ...extractive(), synthesized: false };
  }
}

/**
 * A question not in English, in English, when a model is configured and its translation can
 * be trusted; null means the English-only sentence. The translation is checked to read as
 * English itself (a model that echoes the question, or answers in German, is not used), and
 * it only ever goes to search and the "Translated from …" note: quotes are the corpus's.
 */
async function translated(ctx: CommandContext, question: string): Promise<Translation | null> {
  const model = ctx.model;
  if (!model?.translate) return null;
  try {
    const translation = await model.translate(question);
    if (!translation || (await isNotEnglish(translation.english))) return null;
    return translation;
  } catch {
    return null;
  }
}

/** The note an answer to a translated question leads with. */
export function translationNote({ language, english }: Translation): string {
  return `Translated from ${language}: “${english}”`;
}

/**
 * The reply's data, the CLI's `ask --json` document (docs/CLI.md): found, answer, citations,
 * whether a model wrote the answer when one was asked (never on the command line), and the
 * translation searched for when the question was not in English.
 */
function askData(
  { found, answer, citations, synthesized }: AskResult & { synthesized?: boolean },
  translation?: Translation | null,
) {
  return {
    found,
    answer,
    citations,
    ...(synthesized === undefined ? {} : { synthesized }),
    ...(translation ? { translation } : {}),
  };
}

/** Says who wrote the lead whenever a model did, ahead of any advice note. */
export function modelAttribution(model: string): string {
  return `Summary written by ${model} from the numbered passages; the quotes are the sources' own words.`;
}

function footerFor(model: string | undefined, advice: string | undefined): { footer?: string } {
  const notes = [model ? modelAttribution(model) : undefined, advice].filter(Boolean);
  return notes.length > 0 ? { footer: notes.join(" ") } : {};
}

/**
 * The extractive lead is a sentence of passage 1, so saying it above the passage would show
 * it twice: passage 1 carries it in bold instead, and no lead line is shown. The quote stays
 * whole (nothing is cut out of what the source says, and its lines stay true), and this
 * works wherever the sentence sits: on the eval questions the lead was the whole of passage 1
 * 24 times, its start 46, its end 41 and its middle 26 (of 137 answered). A model's summary,
 * or a lead not found in passage 1, stays as the lead line.
 */
function placeLead(
  result: AskResult & { synthesized?: boolean },
  passages: ReplyCitation[],
): { summary?: string; passages: ReplyCitation[] } {
  const [first, ...rest] = passages;
  const at = first && !result.synthesized ? findLead(first.quote, result.answer) : undefined;
  if (!first || !at) return { summary: result.answer, passages };
  // A passage that is nothing but the lead needs no emphasis: all of it is the answer.
  const whole = first.quote.slice(0, at[0]).trim() === "" && first.quote.slice(at[1]).trim() === "";
  return { passages: [whole ? first : { ...first, emphasis: at }, ...rest] };
}

export const askCommand = defineSubcommand({
  name: "ask",
  description: "Answer a question with verbatim passages from the sources, cited by line",
  usage: "/thesis ask <question>",
  options,
  optionMeta: {
    question: { description: "What you want to know, in your own words" },
    limit: { description: "How many passages to show (1-10, default 3)" },
  },
  rest: "question",
  async run(ctx, { question, limit }): Promise<Reply> {
    const title = truncate(question, 200);
    // Before search: an English corpus has nothing to say to another language, and saying
    // "nothing answers that" would blame the corpus for what is a language mismatch. With a
    // model, the question is put into English first and the reply says so.
    const translation = (await isNotEnglish(question))
      ? await translated(ctx, question)
      : undefined;
    if (translation === null) {
      return {
        kind: "empty",
        title,
        summary: ENGLISH_ONLY,
        sections: [],
        actions: [],
        visibility: "private",
        data: askData({ found: false, answer: "", citations: [], claimIds: [] }),
      };
    }
    const searched = translation?.english ?? question;
    const note: ReplySection[] = translation
      ? [{ text: translationNote(translation), citations: [] }]
      : [];
    const result = await askWithOptionalModel(ctx, searched, limit);
    if (!result.found) {
      return {
        kind: "empty",
        title,
        summary: "Nothing in the corpus answers that.",
        sections: [
          ...note,
          {
            text: "Try rephrasing with the names or terms the articles use, or see what the corpus covers with /thesis sources.",
            citations: [],
          },
        ],
        actions: [],
        visibility: "private",
        data: askData(result, translation),
      };
    }
    const actions: ReplyAction[] = [];
    const topic = resolveTopic(searched);
    if (topic && ctx.thesis.topics().some((t) => t.id === topic))
      actions.push({ id: "bearcase", label: "Show the bear case", value: `bullbear ${topic}` });
    const passages = foldHeadings(credit(ctx, result.citations)).map((citation, i) => ({
      ...citation,
      label: `${i + 1}`,
    }));
    const lead = placeLead(result, passages);
    return {
      kind: "answer",
      title,
      ...(lead.summary ? { summary: lead.summary } : {}),
      sections: [...note, ...lead.passages.map((citation) => ({ citations: [citation] }))],
      actions,
      visibility: "private",
      ...footerFor(
        result.synthesized ? ctx.model?.name : undefined,
        adviceFooter(searched, ...result.citations.map((c) => c.quote)).footer,
      ),
      data: askData(result, translation),
    };
  },
});
