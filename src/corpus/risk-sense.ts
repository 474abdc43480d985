// Is a risk word used in the sense of a harm that may come? Read from the sentence's parts
// of speech (wink-nlp's English model) and WordNet, not from lists of these articles' words:
// - a noun that modifies another noun names a kind of thing, not a harm ("risk profiles",
//   "at-risk children", "risk avoidance");
// - a harm (a noun) that the nearest verb before it lessens or keeps away is removed, not raised
//   ("avoid air pollution and the dangers", "reduce the risk"), as is one the verb after it
//   says was lessened ("volatility is decreased"); WordNet decides what lessens;
// - a risk one takes ("taking your own risks", "took the risk of publishing") is an act
//   chosen, often praised, not a harm that may come;
// - a text with no verb at all states nothing: a list of names or topics ("political
//   aspects (media dependency, free speech, censorship)").

import { isVerbOfLessening, partOfSpeechShares } from "../search/wordnet.ts";
import type { Span } from "./cues.ts";
import { its, posNlp as nlp } from "./part-of-speech.ts";

interface Token {
  start: number;
  end: number;
  pos: string;
  lemma: string;
  value: string;
}

/** Clause edges: a verb beyond one of these does not govern the risk word. */
const CLAUSE_EDGE = /^[,;:()[\]—–]$/;
/** How far back the governing verb is looked for, in tokens. */
const VERB_WINDOW = 10;

let memoText: string | null = null;
let memoTokens: Token[] = [];

function tokensOf(text: string): Token[] {
  if (text === memoText) return memoTokens;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // Typed as needing model add-ons, which the English model brings.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    const start = at === -1 ? cursor : at;
    cursor = start + (at === -1 ? 0 : value.length);
    tokens.push({ start, end: cursor, pos: pos[i] ?? "", lemma: lemmas[i] ?? value, value });
  });
  memoText = text;
  memoTokens = tokens;
  return tokens;
}

const isVerb = (t: Token) => t.pos === "VERB" || t.pos === "AUX";
/**
 * A word the tagger read as a noun that English mostly uses as a verb ("smoking increases
 * the risk": the tagger reads "increases" as a plural noun). Asked only when no token is a
 * verb: WordNet's look-up costs more than the tags.
 */
const nounReadForVerb = (t: Token) =>
  t.pos === "NOUN" && (partOfSpeechShares(t.value)?.verb ?? 0) >= VERB_SHARE;
/** A word used as a verb this often (WordNet's tagged senses) may be the sentence's verb. */
const VERB_SHARE = 0.3;

const adjacent = (text: string, a: Token, b: Token) => /^[\s-]*$/.test(text.slice(a.end, b.start));

/**
 * Does this risk word, where it stands in `text`, raise a harm that may come? `nameOnItsOwn`:
 * the word names its harm (the classifier's weak words: "censorship", "loss", "failure").
 */
export function inHarmSense(
  text: string,
  cue: Span,
  { nameOnItsOwn }: { nameOnItsOwn: boolean },
): boolean {
  const tokens = tokensOf(text);
  const first = tokens.findIndex((t) => t.end > cue.start);
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < cue.end) last++;
  const head = tokens[last];
  if (first === -1 || !head) return true;
  if (!tokens.some(isVerb) && !tokens.some(nounReadForVerb)) return false;
  const next = tokens[last + 1];
  // A general word ("risk", "uncertainty") before a noun makes a kind of it ("risk
  // profiles", "uncertainty range"); a word that names a harm on its own ("censorship
  // mechanisms", "loss") still names it.
  if (!nameOnItsOwn && head.pos === "NOUN" && next?.pos === "NOUN" && adjacent(text, head, next))
    return false;
  // Only a harm named by a noun is the object of a verb that removes it ("leaves the party
  // vulnerable to manipulation" raises one).
  if (head.pos !== "NOUN") return true;
  for (let i = first - 1; i >= 0 && i >= first - VERB_WINDOW; i--) {
    const token = tokens[i] as Token;
    if (CLAUSE_EDGE.test(token.value) || token.pos === "SCONJ") break;
    if (token.pos === "VERB") {
      if (isVerbOfLessening(token.lemma) || token.lemma === "take") return false;
      break;
    }
  }
  // "… volatility is decreased": a form of "be", perhaps an adverb, then the lessening verb.
  const after = tokens.slice(last + 1, last + 4);
  const passive = after.findIndex((t) => t.pos === "VERB");
  if (passive > 0 && after[passive - 1]?.pos !== "NOUN" && after[0]?.pos === "AUX")
    return !isVerbOfLessening(after[passive]?.lemma ?? "");
  return true;
}

/** Words between a harm and what it befalls: "loss of", "vulnerable to", "risk for". */
const OBJECT_LINKS = new Set(["of", "to", "for", "from", "on", "in", "over", "about"]);
/** Words skipped on the way to the harmed thing ("loss of all their jobs"). */
const BEFORE_OBJECT = new Set(["DET", "ADJ", "NUM", "PRON", "PART"]);

/**
 * What the harm at `cue` befalls, as a lemma: the noun after it ("loss of habitat", "lose
 * their jobs", "vulnerable to droughts"), else the noun it is a kind of ("bone loss"), else
 * null. Two risks are one harm when they lose (or fear) the same thing, not when they share
 * the word "loss".
 */
export function harmedThing(text: string, cue: Span): string | null {
  const tokens = tokensOf(text);
  const first = tokens.findIndex((t) => t.end > cue.start);
  if (first === -1) return null;
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < cue.end) last++;
  let i = last + 1;
  const linked = OBJECT_LINKS.has(tokens[i]?.value.toLowerCase() ?? "");
  if (linked) i++;
  // A noun right after a harm noun is the head of a compound ("censorship mechanisms"), not
  // what the harm befalls; after a verb or adjective ("lose diffusion") it is.
  const harmIsNoun = tokens[last]?.pos === "NOUN";
  for (
    let skipped = 0;
    (linked || !harmIsNoun) && skipped <= 3 && i < tokens.length;
    skipped++, i++
  ) {
    const token = tokens[i] as Token;
    if (token.pos === "NOUN" || token.pos === "PROPN") return token.lemma.toLowerCase();
    if (!BEFORE_OBJECT.has(token.pos)) break;
  }
  const before = tokens[first - 1];
  const head = tokens[first];
  if (
    before &&
    head &&
    (before.pos === "NOUN" || before.pos === "PROPN") &&
    adjacent(text, before, head)
  )
    return before.lemma.toLowerCase();
  return null;
}
