/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up
 * as soon as it must exceed `limit`: typo lookups scan the whole vocabulary, so the early
 * exit is what keeps them cheap.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export interface FuzzyRules {
  minLength: number;
  oneEditUpTo: number;
}

/** How many edits a word of this length may need to be called a typo. */
export function allowedEdits(word: string, rules: FuzzyRules): number {
  if (word.length < rules.minLength) return 0;
  return word.length <= rules.oneEditUpTo ? 1 : 2;
}

/**
 * The index term whose written form is closest to the typed `word`, or undefined when
 * nothing is within the allowed edits. Comparing words as written, not stems, keeps
 * "compare" from being "corrected" to the stem of "compatible". Ties go to the term more
 * documents use: a typo is likelier to be a common word.
 */
export function closestTerm(
  word: string,
  surfaces: Iterable<[string, string]>,
  documentFrequency: (term: string) => number,
  rules: FuzzyRules,
): string | undefined {
  const limit = allowedEdits(word, rules);
  if (limit === 0) return undefined;
  let best = limit + 1;
  let found: string[] = [];
  for (const [term, stem] of surfaces) {
    if (Math.abs(term.length - word.length) > Math.min(limit, best)) continue;
    if (/^\p{N}/u.test(term) !== /^\p{N}/u.test(word)) continue;
    const distance = editDistance(word, term, Math.min(limit, best));
    if (distance < best) {
      best = distance;
      found = [stem];
    } else if (distance === best && distance <= limit) {
      found.push(stem);
    }
  }
  if (best > limit) return undefined;
  return found.sort((x, y) => documentFrequency(y) - documentFrequency(x))[0];
}

/**
 * Index terms that begin with an unknown word's stem, most used first: Porter keeps
 * "censored" (censor) apart from "censorship", and "validat" apart from "validators".
 * Only for stems of five letters or more, so short stems do not sweep in half the index.
 */
export function termsExtending(
  stem: string,
  surfaces: Iterable<[string, string]>,
  documentFrequency: (term: string) => number,
  limit = 3,
): string[] {
  if (stem.length < 5) return [];
  const found = new Set<string>();
  for (const [, term] of surfaces) if (term !== stem && term.startsWith(stem)) found.add(term);
  return [...found].sort((x, y) => documentFrequency(y) - documentFrequency(x)).slice(0, limit);
}

/**
 * The written forms one edit from `word` (same first letter, four letters or more), with
 * their index terms: the words a slip that happens to be another word could have been meant as.
 */
export function surfacesOneEditFrom(
  word: string,
  surfaces: Iterable<[string, string]>,
): [string, string][] {
  if (word.length < 4) return [];
  const found: [string, string][] = [];
  for (const [surface, term] of surfaces) {
    if (surface[0] !== word[0] || Math.abs(surface.length - word.length) > 1) continue;
    if (surface !== word && editDistance(word, surface, 1) <= 1) found.push([surface, term]);
  }
  return found;
}
