// Word-list matching for the classifier. A sentence is cut into lower-case words once (the
// last one is remembered, since a dozen lists read the same sentence in a row), and each
// list is a set of words, word prefixes ("vulnerab*") and phrases ("draw down"), so a
// match costs a lookup per word. (One large regular expression per list, with Unicode word
// edges, made classification the slowest step of indexing.)

export interface Span {
  start: number;
  end: number;
}

export interface CueMatcher {
  find(text: string): Span[];
  test(text: string): boolean;
}

interface Word {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
let memoText: string | null = null;
let memoWords: Word[] = [];

function wordsOf(text: string): Word[] {
  if (text === memoText) return memoWords;
  const words: Word[] = [];
  for (const m of text.matchAll(WORD))
    words.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
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
  const prefixes: string[] = [];
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
    else if (words.length === 1) prefixes.push(first);
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
    if (exact.has(here.word) || prefixes.some((p) => here.word.startsWith(p))) return i;
    return -1;
  }

  return {
    find(text) {
      const words = wordsOf(text);
      const spans: Span[] = [];
      for (let i = 0; i < words.length; i++) {
        const last = matchAt(text, words, i);
        if (last === -1) continue;
        spans.push({ start: words[i]?.start ?? 0, end: words[last]?.end ?? 0 });
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

/** Replaces every cue with spaces of the same length, so other offsets stay put. */
export function blankCues(matcher: CueMatcher, text: string): string {
  let out = text;
  for (const { start, end } of matcher.find(text))
    out = out.slice(0, start) + " ".repeat(end - start) + out.slice(end);
  return out;
}
