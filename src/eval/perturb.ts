// The ways people retype the same question: chat filler around it, another case, other
// punctuation, one slip of the finger in one word. An answer that changes under any of them
// was found by accident. The eval's invariance rate and the property tests both draw from
// these, so they judge the same thing.

/** Words and phrases that carry no topic, as members type them. */
export const FILLERS = [
  "please",
  "main",
  "tell me",
  "for investors",
  "lol",
  "tbh",
  "quick q:",
  "actually",
  "hey,",
  "so",
] as const;

export type Perturbation =
  | { kind: "filler"; filler: string; where: "start" | "end" }
  | { kind: "case"; to: "lower" | "upper" }
  | { kind: "punctuation"; to: "none" | "extra" }
  | { kind: "typo"; word: number; at: number; edit: "delete" | "swap" | "double" | "replace" };

/** Words long enough to carry a typo that a reader would still recognise (five letters). */
export function typoWords(question: string): { index: number; word: string }[] {
  const words = question.split(/\s+/);
  return words
    .map((word, index) => ({ index, word }))
    .filter(({ word }) => /^[A-Za-z]{5,}[?.!,]*$/.test(word));
}

// Neighbouring keys on a QWERTY keyboard: a replaced letter is one the finger was near.
const NEAR_KEYS: Record<string, string> = {
  a: "s",
  b: "v",
  c: "x",
  d: "s",
  e: "r",
  f: "g",
  g: "h",
  h: "j",
  i: "o",
  j: "k",
  k: "l",
  l: "k",
  m: "n",
  n: "m",
  o: "i",
  p: "o",
  q: "w",
  r: "t",
  s: "a",
  t: "r",
  u: "y",
  v: "b",
  w: "e",
  x: "z",
  y: "u",
  z: "x",
};

function misspell(word: string, at: number, edit: Extract<Perturbation, { kind: "typo" }>["edit"]) {
  const letters = word.match(/^[A-Za-z]+/)?.[0] ?? word;
  const rest = word.slice(letters.length);
  // The first letter is kept: people rarely mistype it, and spelling correctors assume so.
  const i = 1 + (at % (letters.length - 1));
  const c = letters[i] ?? "";
  let typed: string;
  if (edit === "delete") typed = letters.slice(0, i) + letters.slice(i + 1);
  else if (edit === "double") typed = letters.slice(0, i) + c + letters.slice(i);
  else if (edit === "replace") {
    const near = NEAR_KEYS[c.toLowerCase()] ?? c;
    typed =
      letters.slice(0, i) +
      (c === c.toUpperCase() ? near.toUpperCase() : near) +
      letters.slice(i + 1);
  } else {
    const j = i < letters.length - 1 ? i : i - 1;
    typed = letters.slice(0, j) + letters[j + 1] + letters[j] + letters.slice(j + 2);
  }
  return typed + rest;
}

export function perturb(question: string, change: Perturbation): string {
  switch (change.kind) {
    case "filler":
      return change.where === "start"
        ? `${change.filler} ${question}`
        : `${question.replace(/[?.!]+$/, "")} ${change.filler}?`;
    case "case":
      return change.to === "lower" ? question.toLowerCase() : question.toUpperCase();
    case "punctuation":
      return change.to === "none"
        ? // Marks that end words, and apostrophes ("whats"); "5.6" and "U.S." keep their dots.
          question.replace(/[?.!,;:"]+(?=\s|$)/g, "").replace(/(?<=\p{L})'(?=\p{L})/gu, "")
        : `${question.replace(/[?.!]+$/, "")}??!`;
    case "typo": {
      const words = question.split(/\s+/);
      const word = words[change.word];
      if (!word || !/^[A-Za-z]{5,}/.test(word)) return question;
      words[change.word] = misspell(word, change.at, change.edit);
      return words.join(" ");
    }
  }
}

/**
 * A fixed, representative set of retypings of one question, for the eval: every filler at
 * the start, case and punctuation both ways, and one typo of each kind in each long word.
 */
export function standardPerturbations(question: string): Perturbation[] {
  const changes: Perturbation[] = FILLERS.map((filler, i) => ({
    kind: "filler",
    filler,
    where: i % 2 === 0 ? "start" : "end",
  }));
  changes.push({ kind: "case", to: "lower" }, { kind: "case", to: "upper" });
  changes.push({ kind: "punctuation", to: "none" }, { kind: "punctuation", to: "extra" });
  const edits = ["delete", "swap", "double", "replace"] as const;
  for (const { index, word } of typoWords(question)) {
    edits.forEach((edit, e) => {
      changes.push({ kind: "typo", word: index, at: word.length + e, edit });
    });
  }
  return changes;
}
