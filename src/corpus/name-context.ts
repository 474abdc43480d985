// Whether a one-word alias found in text is really part of another name: "Tao" in the
// person's name "Shi Tao", "Claude" in "Claude Lévi-Strauss", "coin" in "coin-tossing".
// A ticker or acronym in capitals ("TAO", "$TAO") always counts; a capitalised word joined
// by a space to a capitalised neighbour that is rare in English (a name, not "Communist
// Party") is that neighbour's name; a category word inside a hyphenated compound is
// another word.
import { COMMON_WORD_PER_MILLION, perMillionInEnglish } from "./background-english.ts";

const LETTER = /\p{L}/u;
const TITLE_CASE = /^\p{Lu}[\p{Ll}'’]+$/u;
const NEIGHBOUR_BEFORE = /([\p{L}][\p{L}'’.-]*) $/u;
const NEIGHBOUR_AFTER = /^ ([\p{L}][\p{L}'’-]*)/u;

function isNameWord(word: string, isAlias: (word: string) => boolean): boolean {
  if (!/^\p{Lu}/u.test(word) || isAlias(word)) return false;
  // A hyphenated surname ("Lévi-Strauss") is rare if any part is.
  return word
    .split("-")
    .some((part) => part !== "" && perMillionInEnglish(part) < COMMON_WORD_PER_MILLION);
}

export function partOfOtherName(
  text: string,
  start: number,
  end: number,
  entity: boolean,
  isAlias: (word: string) => boolean,
): boolean {
  const surface = text.slice(start, end);
  if (text[start - 1] === "$") return false;
  const hyphenBefore = text[start - 1] === "-" && LETTER.test(text[start - 2] ?? "");
  const hyphenAfter = text[end] === "-" && LETTER.test(text[end + 1] ?? "");
  // "coin-tossing"; an entity may lead a compound ("DeepSeek-V3"), never end one.
  if (hyphenBefore || (hyphenAfter && !entity)) return true;
  if (!TITLE_CASE.test(surface)) return false;
  const before = NEIGHBOUR_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = NEIGHBOUR_AFTER.exec(text.slice(end, end + 40))?.[1];
  // "Alibaba's Qwen": a possessive names an owner, not a first name.
  const ownerBefore = before !== undefined && /['’]s$/.test(before);
  return [ownerBefore ? undefined : before, after].some(
    (w) => w !== undefined && isNameWord(w, isAlias),
  );
}
