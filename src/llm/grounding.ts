// Turns a model's answer into sentences a user may see. Nothing the model says is trusted:
// a sentence survives only if every passage number it cites exists, every quote it carries
// (in `quote` or in quotation marks in its text) is copied exactly from a cited passage, and
// the resulting citations pass the quote check against the corpus itself.
import { z } from "zod";
import {
  type DroppedCitation,
  keepVerifiedCitations,
  type QuotableText,
} from "../answer/quote-check.ts";
import type { Citation } from "../corpus/types.ts";
import { oneLine } from "../lib/text.ts";
import type { GroundedSentence } from "./types.ts";

const passageNumber = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\s*\d+\s*$/)
    .transform(Number),
]);

export const modelAnswerSchema = z.object({
  sentences: z
    .array(
      z.object({
        text: z.string(),
        cites: z.array(passageNumber),
        quote: z.string().nullish(),
      }),
    )
    .max(12),
});

export type DropReason =
  | "empty-text"
  | "no-citation"
  | "unknown-passage"
  | "quote-not-in-passage"
  | "quoted-text-not-in-passage"
  | "failed-quote-check";

export interface GroundingResult {
  sentences: GroundedSentence[];
  /** Why each rejected sentence was rejected, in the model's order. */
  dropped: { text: string; reason: DropReason }[];
}

/**
 * Text the sentence puts in quotation marks: straight or curly double quotes, or curly single
 * quotes (an opening ‘ is needed, so the apostrophe in "China’s" does not count).
 */
function quotedFragments(text: string): string[] {
  const fragments: string[] = [];
  const quoted = /["\u201c]([^"\u201c\u201d]+)["\u201d]|\u2018([^\u2018\u2019]+)\u2019/g;
  for (const match of text.matchAll(quoted)) {
    const fragment = (match[1] ?? match[2])?.trim();
    if (fragment) fragments.push(fragment);
  }
  return fragments;
}

/**
 * The passage narrowed to `quote`, which starts at `at` in `passage.quote`. Passage quotes start
 * on their first line and use "\n" between lines, so counting newlines gives the lines.
 */
export function narrowCitation(passage: Citation, quote: string, at: number): Citation {
  const newlines = (text: string) => text.split("\n").length - 1;
  const start = passage.lines[0] + newlines(passage.quote.slice(0, at));
  return { ...passage, lines: [start, start + newlines(quote)], quote };
}

/**
 * Grounds a parsed model reply against the passages it was given. Returns null when the reply
 * does not have the expected shape at all.
 */
export function groundAnswer(
  reply: unknown,
  passages: readonly Citation[],
  lookup: (file: string) => QuotableText | undefined,
  onDropCitation: (dropped: DroppedCitation) => void = () => {},
): GroundingResult | null {
  const parsed = modelAnswerSchema.safeParse(reply);
  if (!parsed.success) return null;
  const result: GroundingResult = { sentences: [], dropped: [] };
  for (const sentence of parsed.data.sentences) {
    const text = oneLine(sentence.text);
    const outcome = groundSentence(text, sentence.cites, sentence.quote, passages);
    if (typeof outcome === "string") {
      result.dropped.push({ text, reason: outcome });
      continue;
    }
    const verified = keepVerifiedCitations(outcome, lookup, onDropCitation);
    if (verified.length !== outcome.length) {
      result.dropped.push({ text, reason: "failed-quote-check" });
      continue;
    }
    result.sentences.push({ text, citations: verified });
  }
  return result;
}

function groundSentence(
  text: string,
  cites: readonly number[],
  quote: string | null | undefined,
  passages: readonly Citation[],
): Citation[] | DropReason {
  if (text === "") return "empty-text";
  if (cites.length === 0) return "no-citation";
  const numbers = [...new Set(cites)];
  if (numbers.some((n) => n < 1 || n > passages.length)) return "unknown-passage";
  const cited = numbers.map((n) => passages[n - 1] as Citation);
  for (const fragment of quotedFragments(text)) {
    if (!cited.some((passage) => passage.quote.includes(fragment))) {
      return "quoted-text-not-in-passage";
    }
  }
  const exact = quote?.trim();
  if (!exact) return cited.map((passage) => ({ ...passage }));
  const source = cited.findIndex((passage) => passage.quote.includes(exact));
  if (source === -1) return "quote-not-in-passage";
  return cited.map((passage, index) =>
    index === source
      ? narrowCitation(passage, exact, passage.quote.indexOf(exact))
      : { ...passage },
  );
}

/** Citations of all sentences, deduplicated by file, lines and quote, in order of first use. */
export function distinctCitations(sentences: readonly GroundedSentence[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const sentence of sentences) {
    for (const citation of sentence.citations) {
      const key = `${citation.file}\0${citation.lines.join("-")}\0${citation.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(citation);
    }
  }
  return out;
}
