// A superlative of praise aimed at a harm measures the harm, it does not praise: "the single
// greatest cause of preventable death", "the most important preventable risk", "one of the
// greatest barriers". Read word by word, "greatest" would count for what the sentence names
// and cancel the harm. English grammar, not a word list: a superlative is a word in -est
// ("greatest", "best") or a word after "most".
import { type Span, wordsOf } from "./cues.ts";

/** Words from the superlative to the harm it measures, at most ("greatest cause of preventable death"). */
const REACH = 4;
/** Punctuation ends the phrase a superlative is part of. */
const PHRASE_BREAK = /[,.;:!?()"“”]/;

/** A word of praise or harm found in a sentence: its span and its sign. */
export interface Polar extends Span {
  sign: number;
}

/**
 * Starts of the words of praise that are superlatives measuring a harm: the next word of
 * sentiment within REACH words is negative, in the same phrase, with no reversing verb
 * between ("the best way to reduce crime" praises).
 */
export function superlativesOfHarm(
  text: string,
  polar: readonly Polar[],
  reversers: readonly Span[],
): Set<number> {
  const words = wordsOf(text);
  const found = new Set<number>();
  const ordered = [...polar].sort((a, b) => a.first - b.first);
  for (const [i, p] of ordered.entries()) {
    if (p.sign <= 0) continue;
    const word = words[p.last]?.word ?? "";
    const superlative = /est$/.test(word) || words[p.first - 1]?.word === "most";
    if (!superlative) continue;
    const next = ordered.slice(i + 1).find((q) => q.first > p.last);
    if (!next || next.sign >= 0 || next.first - p.last > REACH) continue;
    if (PHRASE_BREAK.test(text.slice(p.end, next.start))) continue;
    if (reversers.some((r) => r.first > p.last && r.first <= next.first)) continue;
    found.add(p.start);
  }
  return found;
}
