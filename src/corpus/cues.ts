// Word-list matching for the classifier. A sentence is cut into lower-case words once (the
// last one is remembered, since a dozen lists read the same sentence in a row), and each
// list is a set of words, word prefixes ("vulnerab*") and phrases ("draw down"), so a
// match costs a lookup per word. (One large regular expression per list, with Unicode word
// edges, made classification the slowest step of indexing.) "n't" reads as the word "not",
// so "doesn't win" is negated like "does not win", without rewriting the text.

export interface Span {
  start: number;
  end: number;
  /** Index of the first and last word of the match among the text's words. */
  first: number;
  last: number;
}

export interface CueMatcher {
  find(text: string): Span[];
  test(text: string): boolean;
}

interface Word {
  word: string;
  /** The first three letters: the key prefix cues are filed under. */
  key: string;
  start: number;
  end: number;
}

// Dotted acronyms ("U.S.") are one word, so they do not stretch a negation's reach.
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu;
let memoText: string | null = null;
let memoWords: Word[] = [];

export function wordsOf(text: string): Word[] {
  if (text === memoText) return memoWords;
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const previous = words[words.length - 1];
    const apostrophe = text[m.index - 1];
    if (
      word === "t" &&
      previous?.word.endsWith("n") &&
      previous.end === m.index - 1 &&
      (apostrophe === "'" || apostrophe === "’")
    ) {
      // "don't" -> "do" + "not"; "can't" -> "ca" + "not".
      previous.word = previous.word.slice(0, -1);
      previous.key = previous.word.slice(0, 3);
      previous.end -= 1;
      words.push({ word: "not", key: "not", start: previous.end, end: m.index + 1 });
      continue;
    }
    words.push({ word, key: word.slice(0, 3), start: m.index, end: m.index + m[0].length });
  }
  memoText = text;
  memoWords = words;
  return words;
}

/** Words of a phrase may be joined by white space or a hyphen ("lock-in", "draw down"). */
const JOINER = /^[\s-]+$/;

interface Phrase {
  words: string[];
  /** The last word is a prefix ("opportunit*"). */
  prefix: boolean;
}

const wordMatches = (actual: string, wanted: string, prefix: boolean) =>
  prefix ? actual.startsWith(wanted) : actual === wanted;

export function compileCues(cues: readonly string[]): CueMatcher {
  const exact = new Set<string>();
  // Prefix cues by their first three letters, so a word is compared with a handful at most.
  const prefixes = new Map<string, string[]>();
  const addPrefix = (p: string) => {
    const key = p.slice(0, 3);
    prefixes.set(key, [...(prefixes.get(key) ?? []), p]);
  };
  const hasPrefix = (w: Word) => prefixes.get(w.key)?.some((p) => w.word.startsWith(p)) ?? false;
  const phrases = new Map<string, Phrase[]>();
  for (const cue of cues) {
    const prefix = cue.endsWith("*");
    const words = cue
      .toLowerCase()
      .replace(/\*$/, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const first = words[0];
    if (!first) continue;
    if (words.length === 1 && !prefix) exact.add(first);
    else if (words.length === 1) addPrefix(first);
    else {
      const list = phrases.get(first) ?? [];
      list.push({ words, prefix });
      list.sort((a, b) => b.words.length - a.words.length);
      phrases.set(first, list);
    }
  }

  /** The longest cue starting at word i: the index of its last word, or -1. */
  function matchAt(text: string, words: Word[], i: number): number {
    const here = words[i];
    if (!here) return -1;
    for (const phrase of phrases.get(here.word) ?? []) {
      const n = phrase.words.length;
      let ok = i + n <= words.length;
      for (let k = 1; ok && k < n; k++) {
        const prev = words[i + k - 1];
        const next = words[i + k];
        ok =
          prev !== undefined &&
          next !== undefined &&
          JOINER.test(text.slice(prev.end, next.start)) &&
          wordMatches(next.word, phrase.words[k] ?? "", phrase.prefix && k === n - 1);
      }
      if (ok) return i + n - 1;
    }
    if (exact.has(here.word) || (prefixes.size > 0 && hasPrefix(here))) return i;
    return -1;
  }

  return {
    find(text) {
      const words = wordsOf(text);
      const spans: Span[] = [];
      for (let i = 0; i < words.length; i++) {
        const last = matchAt(text, words, i);
        if (last === -1) continue;
        spans.push({ start: words[i]?.start ?? 0, end: words[last]?.end ?? 0, first: i, last });
        i = last;
      }
      return spans;
    },
    test(text) {
      const words = wordsOf(text);
      for (let i = 0; i < words.length; i++) if (matchAt(text, words, i) !== -1) return true;
      return false;
    },
  };
}

export function hasCue(matcher: CueMatcher, text: string): boolean {
  return matcher.test(text);
}

export function cueMatches(matcher: CueMatcher, text: string): Span[] {
  return matcher.find(text);
}

export const overlaps = (a: Span, b: Span) => a.first <= b.last && b.first <= a.last;

/** Is `cue` preceded by one of `negations` with at most `window` words between them? */
export function negatedBy(cue: Span, negations: readonly Span[], window: number): boolean {
  return negations.some((n) => n.last < cue.first && cue.first - n.last - 1 <= window);
}
