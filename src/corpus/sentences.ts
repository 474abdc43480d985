// Sentence splitting with wink-nlp's English model (it knows "U.S.", decimals, quotes and
// dashes), plus one repair: wink splits "GPT-5.6" after "5."; a boundary with no white
// space between the two parts is never a real sentence end, so those parts are rejoined.

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { OffsetSpan } from "./types.ts";

const nlp = winkNLP(model, ["sbd"]);

/** Sentence spans [start, end) within `text`, trimmed of surrounding white space. */
export function splitSentences(text: string): OffsetSpan[] {
  // No ".", "!" or "?" followed by white space before the end: one sentence, no model
  // needed (most headline-style lines and many paragraphs; it halves indexing time).
  const trimmedEnd = text.trimEnd().length;
  if (!/[.!?…]["”’)\]]*\s/.test(text.slice(0, trimmedEnd))) {
    const start = text.length - text.trimStart().length;
    return start < trimmedEnd ? [[start, trimmedEnd]] : [];
  }
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
