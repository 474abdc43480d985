// What kind of answer a question asks for, and whether a passage could give it. "What's the
// current price of TAO?" wants an amount and "when is the next halving?" a time: a passage that
// shares the question's words but holds no number or no date does not answer it, however well
// it matches ("token price is not the same as thesis quality"). This is the answer-type check
// of question answering systems, read from general English (WordNet and the question's wh-
// words), never from the corpus.
import { isAmountNoun } from "../search/wordnet.ts";

export type AnswerType = "amount" | "time";

// Words that end the noun phrase after "what is the …": "price OF tao", "fee ON bittensor".
const PHRASE_END = new Set([
  "of",
  "on",
  "for",
  "per",
  "in",
  "to",
  "at",
  "do",
  "does",
  "did",
  "is",
  "are",
  "will",
  "would",
  "can",
  "could",
  "should",
  "i",
  "we",
  "you",
]);

const WHAT_IS =
  /\bwhat(?:'s|’s|\s+is|\s+are|\s+was|\s+were)?\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(.*)$/iu;

/**
 * The head of the noun phrase right after "what (is) (the)", at most its third word: the word
 * just before "of", "on", "for"… or the end ("the current price OF tao" -> price, "the fee?"
 * -> fee). Undefined when the phrase runs on ("the two strategic effects that …").
 */
function headAfterWhat(question: string): string | undefined {
  const rest = WHAT_IS.exec(question)?.[1] ?? "";
  const words = rest.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const [i, word] of words.slice(0, 4).entries()) {
    if (PHRASE_END.has(word)) return i > 0 ? words[i - 1] : undefined;
  }
  return words.length > 0 && words.length <= 3 ? words.at(-1) : undefined;
}

const ASKS_TIME =
  /\b(?:what\s+(?:year|date|day|month)|how\s+long|when(?:'s|’s|\s+(?:is|was|will|did|does|are|were))\b.*\b(?:next|last|first|launch\w*|releas\w*|come\s+out|start\w*|happen\w*|found\w*|begin|began|end))\b/iu;

/** The kind of answer `question` asks for, when it asks for an amount or a time. */
export function expectedAnswer(question: string): AnswerType | undefined {
  if (/\bhow\s+(?:much|many)\b/iu.test(question)) return "amount";
  if (ASKS_TIME.test(question)) return "time";
  const head = headAfterWhat(question);
  // After "the" and before "of" the head is a noun whatever else the word can be ("supply").
  if (head && isAmountNoun(head)) return "amount";
  return undefined;
}

const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|double|triple|percent)\b/iu;
// Case-sensitive: "May" the month, not "may" the verb.
const MONTHS =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u;
// A year, a day relative to today, or a span counted in numbers ("in 3 years", "two weeks
// ago"): bare "years" or "soon" in an argument says when nothing happens.
const TIME_WORDS =
  /\b(?:(?:1[89]|20)\d\d|yesterday|today|tomorrow|tonight|ago|(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:years?|months?|weeks?|days?|hours?))\b/iu;

/** Could `text` state an answer of this kind: a number for an amount, a date or span for a time? */
export function offersAnswer(text: string, type: AnswerType): boolean {
  if (type === "amount") return /\p{N}/u.test(text) || NUMBER_WORDS.test(text);
  return TIME_WORDS.test(text) || MONTHS.test(text);
}
