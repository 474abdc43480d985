// Compiles the word lists of cue-data into matchers once.
const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

function cuePattern(cue: string): string {
  const body = escapeRegExp(cue.replace(/\*$/, "")).replace(/ /g, "\\s+");
  return cue.endsWith("*") ? `${body}[\\p{L}-]*` : body;
}

/** One regex matching any cue as whole words; `g` so every occurrence can be found. */
export function compileCues(cues: readonly string[]): RegExp {
  const sorted = [...cues].sort((a, b) => b.length - a.length).map(cuePattern);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

export function hasCue(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

export function cueMatches(pattern: RegExp, text: string): { start: number; end: number }[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
