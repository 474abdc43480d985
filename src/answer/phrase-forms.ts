// How a phrase the user typed may be written in the articles: each word singular or plural,
// matched as whole words. Shared by target resolution (target.ts) and the whole-name rule
// (whole-name.ts).

export const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A word's singular and plural spellings ("primaries", "primary"). */
function numberForms(word: string): string[] {
  const forms = new Set([word]);
  if (word.endsWith("ies")) forms.add(`${word.slice(0, -3)}y`);
  else if (word.endsWith("y")) forms.add(`${word.slice(0, -1)}ies`);
  if (word.endsWith("s") && !word.endsWith("ss")) forms.add(word.slice(0, -1));
  else forms.add(`${word}s`);
  return [...forms];
}

/** Every spelling of a phrase with each word singular or plural, at most 32. */
export function phraseForms(phrase: string): string[] {
  let forms = [""];
  for (const word of phrase.split(" "))
    forms = forms.flatMap((f) => numberForms(word).map((w) => (f ? `${f} ${w}` : w)));
  return forms.slice(0, 32);
}

/** A test for a text saying the phrase in one of its spellings, as whole words. */
export function phrasePattern(phrase: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}-])(?:${phraseForms(phrase).map(escaped).join("|")})(?![\\p{L}-])`,
    "iu",
  );
}

export const wordsOfPhrase = (text: string) =>
  (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).filter((w) => w.length > 1);
