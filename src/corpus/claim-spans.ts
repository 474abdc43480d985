// Groups sentences into claims. A claim is usually one sentence; a fragment that cannot
// stand alone joins its neighbour: "That is a massive shift." joins the sentence before,
// "Put simply:" joins the sentence after, and the short items of a list ("Release
// models. Lower costs.") join the line that introduced them with a colon.
import type { Sentence } from "./types.ts";

const ANAPHOR_START = /^(?:that|this|it|they|these|those|such|he|she|which)\b/i;
const MAX_FRAGMENT_WORDS = 8;
const MAX_LIST_ITEM_WORDS = 6;
const MAX_LIST_ITEMS = 8;
const MAX_CLAIM_CHARS = 700;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const endsWithColon = (text: string) => /:["”’]?$/.test(text.trim());
const isQuestion = (text: string) => /\?["”’)]*$/.test(text.trim());

/** Sentences grouped per claim, in order. Groups never cross a section. */
export function groupClaimSentences(
  sentences: readonly Sentence[],
  sectionOf: (s: Sentence) => string,
): Sentence[][] {
  const groups: Sentence[][] = [];
  let joinForward = false;
  let listItems = 0;
  for (const sentence of sentences) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    const sameSection = last !== undefined && sectionOf(last) === sectionOf(sentence);
    const size = group ? sentence.offsets[1] - (group[0]?.offsets[0] ?? 0) : 0;
    const room = size <= MAX_CLAIM_CHARS;
    const n = words(sentence.text);
    const newParagraph = last !== undefined && last.paragraphId !== sentence.paragraphId;

    const question = isQuestion(sentence.text);
    // A fragment leans on the sentence before ("…lose access?” That is a massive shift.").
    const fragment = n <= MAX_FRAGMENT_WORDS && ANAPHOR_START.test(sentence.text) && !question;
    const listItem =
      newParagraph &&
      !question &&
      n <= MAX_LIST_ITEM_WORDS &&
      listItems < MAX_LIST_ITEMS &&
      (listItems > 0 || endsWithColon(last?.text ?? ""));

    if (group && sameSection && room && (joinForward || fragment || listItem)) {
      group.push(sentence);
      listItems = listItem ? listItems + 1 : 0;
    } else {
      groups.push([sentence]);
      listItems = 0;
    }
    joinForward = endsWithColon(sentence.text) && n <= 5;
  }
  return groups;
}
