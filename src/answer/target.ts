// What a user names as a topic, read as a stance target (Bar-Haim et al., EACL 2017): a
// known topic if the words name one, otherwise the phrase itself, matched over the ledger.
// A leading verb that works against its object ("ban boxing", "abolish the monarchy")
// makes the target its object with the direction reversed: for the ban is against boxing.
import { perMillionInEnglish } from "../corpus/background-english.ts";
import { compileCues, cueMatches } from "../corpus/cues.ts";
import { ALL_REVERSERS } from "../corpus/stance-cue-data.ts";
import { createTopicSet } from "../corpus/topic-set.ts";
import { activeTopics, type TopicSet } from "../corpus/topics.ts";
import type { Claim } from "../corpus/types.ts";
import { escaped, phraseForms, phrasePattern, wordsOfPhrase } from "./phrase-forms.ts";
import { wholeName } from "./whole-name.ts";

export interface Target {
  /** The topic id claims are read against (a known id, or "phrase" for an ad-hoc target). */
  topic: string;
  label: string;
  /** 1 when the user's words are for the topic, -1 when they are against it ("ban X"). */
  direction: 1 | -1;
  /** The topics the target is read in: the corpus's, or the phrase alone. */
  set: TopicSet;
  /** Read stances at query time (the phrase is no topic of the ledger's claims). */
  adHoc: boolean;
  /**
   * Topics whose every mention is also a mention of the target: their names hold one of its
   * names as whole words ("playoff system" is about the playoff). Longest-match mention
   * finding gives such a span to the longer topic; the target still owns what it says.
   */
  within: string[];
}

const REVERSER = compileCues(ALL_REVERSERS);
/** Discovery ranks a word one place lower for every tenfold more common it is in English. */
const RARITY_WEIGHT = 10;
/** Words at least this common (per million) say nothing about which thing is meant. */
const FUNCTION_WORD_PER_MILLION = 250;

function leadingReverser(text: string): { rest: string; direction: 1 | -1 } {
  const first = cueMatches(REVERSER, text)[0];
  if (first && first.first === 0) return { rest: text.slice(first.end).trim(), direction: -1 };
  return { rest: text, direction: 1 };
}

/** Topics one of whose names holds one of the target's names as whole words. */
function topicsWithin(topic: string, set: TopicSet): string[] {
  const names = set.definition(topic)?.aliases ?? [];
  if (names.length === 0) return [];
  const holds = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${names.map(escaped).join("|")})(?![\\p{L}\\p{N}])`,
    "iu",
  );
  return set.definitions
    .filter((d) => d.id !== topic && [d.label, ...d.aliases].some((a) => holds.test(a)))
    .map((d) => d.id);
}

/** The least common word of an alias: how specific a mention is. */
const specificity = (alias: string) =>
  Math.min(...alias.split(/[\s-]+/).map((w) => perMillionInEnglish(w)));

function knownTopic(text: string, set: TopicSet): string | null {
  const resolved = set.resolve(text);
  if (!resolved || !set.definition(resolved)?.discovered) return resolved;
  // Of the discovered topics the words name, the one most specific to this corpus (discovery
  // ranks them so) and least common in English: "term limits on the legislative branch" is
  // about term limits, "fund education using a voucher scheme" about vouchers.
  const score = (m: { topic: string; start: number; end: number }) =>
    set.ids.indexOf(m.topic) +
    RARITY_WEIGHT * Math.log10(1 + specificity(text.slice(m.start, m.end).toLowerCase()));
  const named = set.findMentions(text).sort((a, b) => score(a) - score(b));
  return named[0]?.topic ?? resolved;
}

const contentWords = (text: string) =>
  (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).filter(
    (w) => w.length > 2 && perMillionInEnglish(w) < FUNCTION_WORD_PER_MILLION,
  );

/** Words this common or more never extend a phrase ("the", "of", "have"). */
const GRAMMAR_WORD_PER_MILLION = 1000;

/**
 * The longest run of the phrase's content words that some claim says (a word singular or
 * plural), rarest first on a tie ("school leaving age", else "leaving age", else "school"),
 * then grown by the phrase's neighbouring words while the claims still say it ("primaries"
 * becomes "open primaries"); null if none is said.
 */
function phraseInLedger(text: string, claims: readonly Claim[]): string | null {
  const words = contentWords(text);
  const said = (phrase: string) => {
    const pattern = phrasePattern(phrase);
    return claims.some((c) => pattern.test(c.text));
  };
  for (let n = words.length; n >= 1; n--) {
    const runs: string[] = [];
    for (let i = 0; i + n <= words.length; i++) runs.push(words.slice(i, i + n).join(" "));
    runs.sort((a, b) => specificity(a) - specificity(b));
    const found = runs.find(said);
    if (found) return grown(found, wordsOfPhrase(text), said);
  }
  return null;
}

/** The run extended one neighbouring word at a time, left then right, while still said. */
function grown(run: string, all: readonly string[], said: (p: string) => boolean): string {
  const runWords = run.split(" ");
  let from = all.findIndex((_, i) => runWords.every((w, k) => all[i + k] === w));
  if (from < 0) return run;
  let to = from + runWords.length;
  const usable = (w: string | undefined) =>
    w !== undefined && perMillionInEnglish(w) < GRAMMAR_WORD_PER_MILLION;
  let phrase = run;
  for (;;) {
    const left = all[from - 1];
    const right = all[to];
    const leftPhrase = `${left} ${phrase}`;
    const rightPhrase = `${phrase} ${right}`;
    if (usable(left) && said(leftPhrase)) [phrase, from] = [leftPhrase, from - 1];
    else if (usable(right) && said(rightPhrase)) [phrase, to] = [rightPhrase, to + 1];
    else return phrase;
  }
}

export function resolveTarget(input: string, claims: readonly Claim[]): Target | null {
  const text = input.trim();
  if (!text) return null;
  const set = activeTopics();
  const lower = text.toLowerCase();
  const named = set.definitions.find((t) => t.id === lower || t.label.toLowerCase() === lower);
  if (named)
    return {
      topic: named.id,
      label: named.label,
      direction: 1,
      set,
      adHoc: false,
      within: topicsWithin(named.id, set),
    };
  const { rest, direction } = leadingReverser(text);
  const known = knownTopic(rest, set);
  const mention = known ? set.findMentions(rest).find((m) => m.topic === known) : undefined;
  const whole = mention ? wholeName(rest, rest.slice(mention.start, mention.end), claims) : null;
  if (whole) return phraseTarget(rest, whole, direction);
  if (known)
    return {
      topic: known,
      label: set.label(known),
      direction,
      set,
      adHoc: false,
      within: topicsWithin(known, set),
    };
  const phrase = phraseInLedger(rest, claims);
  return phrase ? phraseTarget(rest, phrase, direction) : null;
}

/** The phrase itself as the target, its stances read at query time. */
function phraseTarget(label: string, phrase: string, direction: 1 | -1): Target {
  const adHoc = createTopicSet([{ id: "phrase", label, aliases: phraseForms(phrase) }]);
  return { topic: "phrase", label, direction, set: adHoc, adHoc: true, within: [] };
}
