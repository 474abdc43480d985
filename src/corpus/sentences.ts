// Sentence splitting with wink-nlp's English model (it knows "U.S.", decimals, quotes and
// dashes), plus one repair: wink splits "GPT-5.6" after "5."; a boundary with no white
// space between the two parts is never a real sentence end, so those parts are rejoined.

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { OffsetSpan } from "./types.ts";

const nlp = winkNLP(model, ["sbd"]);

/** Sentence spans [start, end) within `text`, trimmed of surrounding white space. */
export function splitSentences(text: string): OffsetSpan[] {
  return plainSplit(text) ?? modelSplit(text);
}

// A candidate sentence end: terminal punctuation, closing quotes, white space, next char.
const CANDIDATE = /[.!?]["”’)\]]*(\s+)(?=(\S))/g;
const WORD_BEFORE = /([\p{L}\p{N}'’-]+)[.!?…]["”’)\]]*$/u;
const ABBREVIATIONS = new Set([
  "etc",
  "vs",
  "approx",
  "inc",
  "ltd",
  "co",
  "corp",
  "jr",
  "sr",
  "st",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "no",
  "fig",
  "al",
  "eg",
  "ie",
  "cf",
  "gen",
  "gov",
  "sen",
  "rep",
  "jan",
  "feb",
  "mar",
  "apr",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "est",
  "dept",
  "univ",
  "mt",
  "ft",
]);

/**
 * The sentence ends of a paragraph when every one is beyond doubt, or null. A boundary is
 * beyond doubt when a word of three or more letters or an upper-case acronym that is no
 * abbreviation, or a figure of two or more digits ("2025", "97%"), ends with ".", "!" or
 * "?" (never "…", which the model does not split on), and a capital, digit,
 * quote or "$" starts the next sentence; after a dotted acronym, a lower-case word is no
 * boundary at all ("the U.S. is"). The tests hold this to the model's own splits.
 * Anything else ("U.S.", "Dr.", "5.", an initial) is left to the model; most paragraphs of
 * ordinary prose never reach it, which is what keeps indexing fast.
 */
export function plainSplit(text: string): OffsetSpan[] | null {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start >= end) return [];
  const spans: OffsetSpan[] = [];
  let from = start;
  for (const m of text.slice(0, end).matchAll(CANDIDATE)) {
    const boundary = m.index + m[0].length - (m[1]?.length ?? 0);
    // Only the end of the sentence matters; scanning all of it each time would be quadratic.
    const word = WORD_BEFORE.exec(text.slice(Math.max(from, boundary - 48), boundary))?.[1] ?? "";
    const next = m[2] ?? "";
    // "U.S. is", "e.g. the": after a dotted acronym, a lower-case word continues the sentence.
    const tail = text.slice(Math.max(from, boundary - 12), boundary);
    if (/^\p{Ll}/u.test(next) && /(?:\p{L}\.){2,}["”’)\]]*$/u.test(tail)) continue;
    // A word that is no abbreviation: three or more letters ("markets.", "Capital."), or an
    // upper-case acronym ("AI."). A short capitalised word ("In.") is left to the model.
    const plainWord =
      /^(?:\p{L}[\p{L}'’-]{2,}|\p{Lu}{2,})$/u.test(word) && !ABBREVIATIONS.has(word.toLowerCase());
    // "in 2025." and "97%." end sentences; a lone digit ("No. 5.", "GPT-5.") is left to the model.
    const ending = tail.replace(/[.!?…"”’)\]]+$/, "");
    const figure = /(?:^|[^\p{L}\p{N}.,])\d{2,}%?$/u.test(ending);
    const clear = (plainWord || figure) && /^[\p{Lu}\p{N}“"‘'$]/u.test(next);
    if (!clear) return null;
    spans.push([from, boundary]);
    from = boundary + (m[1]?.length ?? 0);
  }
  spans.push([from, end]);
  return spans;
}

export function modelSplit(text: string): OffsetSpan[] {
  // wink reads a newline as white space; passing it unchanged keeps offsets aligned.
  const pieces = nlp.readDoc(text).sentences().out() as string[];
  const spans: OffsetSpan[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed === "") continue;
    const at = text.indexOf(trimmed, cursor);
    if (at === -1) return fallbackSplit(text);
    const span: OffsetSpan = [at, at + trimmed.length];
    const last = spans[spans.length - 1];
    if (last && last[1] === at) last[1] = span[1];
    else spans.push(span);
    cursor = span[1];
  }
  return spans;
}

/** Used only if wink's output cannot be located in the text (it never should). */
function fallbackSplit(text: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  const re = /[^.!?]+(?:[.!?]+["”’)]*|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push([m.index + lead, m.index + lead + body.length]);
    if (m[0] === "") re.lastIndex++;
  }
  return spans;
}
