// Stance is relative to a topic: "China can win open-weight AI without $TAO" is bullish
// for China and open-weight AI and bearish for $TAO. The sentence is cut at connectors;
// cue words give each piece a polarity (flipped by a nearby negation), and each topic takes
// the polarity of the piece that names it:
// - after "without", "rather than", "than"…: the opposite of the rest of the sentence;
// - after "pressure on", "challenging"…: bear, whatever the rest says;
// - after "but", "while"… (or in a leading "While …," clause) when that piece names its own
//   topics: that piece's own polarity;
// - otherwise: the polarity of the main pieces together.

import { compileCues, cueMatches, negatedBy, overlaps, type Span, wordsOf } from "./cues.ts";
import { superlativesOfHarm } from "./degree.ts";
import { valenceOf } from "./sentiment-lexicon.ts";
import {
  ALL_REVERSERS,
  CONTRAST_CONNECTORS,
  DIMINISHERS,
  HARMING_CONNECTORS,
  INTENSIFYING_NEGATIONS,
  INVERTING_CONNECTORS,
  LEADING_SUBORDINATORS,
  NEGATIVE_CUES,
  NEGATORS,
  POSITIVE_CUES,
} from "./stance-cue-data.ts";
import { activeTopics, type TopicSet } from "./topics.ts";
import type { Stance } from "./types.ts";

const POSITIVE = compileCues(POSITIVE_CUES);
const NEGATIVE = compileCues(NEGATIVE_CUES);
const NEGATOR = compileCues(NEGATORS.filter((n) => n !== "n't"));
const INTENSIFIERS = compileCues(INTENSIFYING_NEGATIONS);
const DIMINISHER = compileCues(DIMINISHERS);
const REVERSER = compileCues(ALL_REVERSERS);
const CONNECTOR = compileCues([
  ...INVERTING_CONNECTORS,
  ...CONTRAST_CONNECTORS,
  ...HARMING_CONNECTORS,
]);
const INVERTING = new Set(INVERTING_CONNECTORS);
const HARMING = new Set(HARMING_CONNECTORS);

type PieceType = "main" | "inverted" | "contrast" | "harmed";
interface Piece {
  type: PieceType;
  start: number;
  end: number;
  polarity: number;
  topics: string[];
}

/** Every cue of a sentence, found once; pieces then read the ones inside them. */
interface SentenceCues {
  positives: Span[];
  negatives: Span[];
  /** Words of the general sentiment lexicon that no argument cue covers, with their weight. */
  lexical: (Span & { value: number })[];
  negators: Span[];
  reversers: Span[];
  diminishers: Span[];
}

function cuesOf(text: string, named: readonly { start: number; end: number }[]): SentenceCues {
  const intensifiers = cueMatches(INTENSIFIERS, text);
  const negatives = cueMatches(NEGATIVE, text);
  // A word in both lists ("risk" is negative only) counts once, as negative.
  const positives = cueMatches(POSITIVE, text).filter(
    (m) => !negatives.some((n) => n.start === m.start),
  );
  // "not just", "not only": praise, not negation.
  const negators = cueMatches(NEGATOR, text).filter(
    (n) => !intensifiers.some((i) => overlaps(i, n)),
  );
  // "stops being" is a negation; its "stops" reverses nothing of its own.
  const reversers = cueMatches(REVERSER, text).filter((r) => !negators.some((n) => overlaps(n, r)));
  const covered = [...positives, ...negatives, ...negators, ...intensifiers];
  // A topic's own name is not an opinion about it ("freedom of speech", "free market"), and a
  // word or three in quotes is named, not said.
  const mentioned = [...scareQuotes(text), ...named];
  const rated: SentenceCues["lexical"] = [];
  for (const [i, w] of wordsOf(text).entries()) {
    const value = valenceOf(w.word);
    const span = { start: w.start, end: w.end, first: i, last: i };
    if (value === 0 || covered.some((c) => overlaps(c, span))) continue;
    if (mentioned.some((q) => w.start >= q.start && w.end <= q.end)) continue;
    rated.push({ ...span, value });
  }
  // A reversing verb with sentiment of its own ("ban", "stop") speaks for itself only when
  // nothing it reverses follows ("ban boxing" is against boxing; "ban torture" is not).
  const follows = (r: Span) =>
    [...covered, ...rated].some((c) => c.first > r.last && c.first - r.last <= 3);
  const kept = rated.filter((m) => {
    const reverser = reversers.find((r) => overlaps(r, m));
    return !reverser || !follows(reverser);
  });
  // "the greatest cause of death": the superlative measures the harm, so it counts as harm.
  const measuring = superlativesOfHarm(
    text,
    [
      ...positives.map((m) => ({ ...m, sign: 1 })),
      ...negatives.map((m) => ({ ...m, sign: -1 })),
      ...kept.map((m) => ({ ...m, sign: Math.sign(m.value) })),
    ],
    reversers,
  );
  const lexical = kept.map((m) =>
    measuring.has(m.start) ? { ...m, value: -Math.abs(m.value) } : m,
  );
  return {
    positives: positives.filter((m) => !measuring.has(m.start)),
    negatives: [...negatives, ...positives.filter((m) => measuring.has(m.start))],
    lexical,
    negators,
    reversers,
    diminishers: cueMatches(DIMINISHER, text),
  };
}

/** Quoted words that are few enough to be named rather than said. */
const SCARE_QUOTE = /["“]([^"“”]{1,40})["”]/g;
const MAX_SCARE_WORDS = 3;

/**
 * Spans of words in quotation marks that are mentioned, not used: a word or three in quotes
 * ("beautiful", "free") names a word, and its sentiment is not the writer's; a longer quote is
 * someone's statement and keeps its reading.
 */
function scareQuotes(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(SCARE_QUOTE)) {
    const inner = m[1] ?? "";
    if (inner.trim().split(/\s+/).length <= MAX_SCARE_WORDS)
      spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Words either side of a mention whose sentiment is aimed at it. */
const TARGET_WINDOW = 3;

const within = (m: { start: number; end: number }, start: number, end: number) =>
  m.start >= start && m.end <= end;

/** Sum of cue polarities in [start, end); a negator up to three words before a cue, in the same piece, flips it. */
function polarityIn(cues: SentenceCues, start: number, end: number): number {
  const negators = cues.negators.filter((n) => within(n, start, end));
  const weight = cues.diminishers.some((d) => within(d, start, end)) ? 0.5 : 1;
  const reversers = cues.reversers.filter((r) => within(r, start, end));
  let total = 0;
  for (const m of cues.positives)
    if (within(m, start, end)) total += signOf(m, negators, reversers);
  for (const m of cues.negatives)
    if (within(m, start, end)) total -= signOf(m, negators, reversers);
  for (const m of cues.lexical)
    if (within(m, start, end)) total += m.value * signOf(m, negators, reversers);
  return weight * total;
}

/** -1 when a negation or a reversing verb (not both) stands just before the cue. */
function signOf(m: Span, negators: readonly Span[], reversers: readonly Span[]): number {
  const negated = negatedBy(m, negators, 3);
  const reversed =
    reversers.length > 0 && negatedBy(m, reversers, 3) && !reversers.some((r) => overlaps(r, m));
  return negated === reversed ? 1 : -1;
}

function splitPieces(
  text: string,
  mentions: readonly { start: number; end: number; topic: string }[],
  cues: SentenceCues,
): Piece[] {
  const leading = LEADING_SUBORDINATORS.exec(text);
  // "While X leads…, Y dominates…": the leading clause is one contrast piece up to its comma.
  const cuts: { start: number; end: number }[] = cueMatches(CONNECTOR, text).filter(
    (c) => !leading || c.start >= leading[0].length,
  );
  if (leading)
    cuts.unshift({ start: 0, end: 0 }, { start: leading[0].length, end: leading[0].length });
  const pieces: Piece[] = [];
  let start = 0;
  let type: PieceType = "main";
  const push = (end: number) => {
    if (end <= start) return;
    pieces.push({
      type,
      start,
      end,
      polarity: polarityIn(cues, start, end),
      topics: [...new Set(mentions.filter((m) => within(m, start, end)).map((m) => m.topic))],
    });
  };
  for (const [index, cut] of cuts.entries()) {
    push(cut.start);
    const word = text.slice(cut.start, cut.end).toLowerCase().replace(/\s+/g, " ");
    const leadingClause = leading !== null && index === 0;
    const afterLeading = leading !== null && index === 1;
    type = leadingClause
      ? "contrast"
      : afterLeading
        ? "main"
        : INVERTING.has(word)
          ? "inverted"
          : HARMING.has(word)
            ? "harmed"
            : "contrast";
    start = cut.start;
  }
  push(text.length);
  // A contrast piece that names no topic continues the main claim ("…, but come with risk").
  for (const piece of pieces)
    if (piece.type === "contrast" && piece.topics.length === 0) piece.type = "main";
  // "Not because X is better than Y": a leading "not because" negates, not inverts, its own
  // sentence; a sentence joined after it ("… That is unlikely.") keeps its reading.
  const first = pieces[0];
  if (first?.type === "main" && /^not because\b/i.test(text.trim())) {
    const sentenceEnd = /[.!?]["”’)]?\s+(?=\S)/.exec(text.slice(first.start, first.end));
    const cut = sentenceEnd ? first.start + sentenceEnd.index + sentenceEnd[0].length : first.end;
    first.polarity = -polarityIn(cues, first.start, cut) + polarityIn(cues, cut, first.end);
  }
  return pieces;
}

const toStance = (polarity: number): Stance =>
  polarity > 0 ? "bull" : polarity < 0 ? "bear" : "neutral";

/** Polarity toward each topic the text names itself (not implied ones). */
function directPolarities(text: string, set: TopicSet): Map<string, number> {
  const mentions = set.findMentions(text);
  const direct = new Map<string, number>();
  // Most sentences name no topic: nothing to read a stance toward.
  if (mentions.length === 0) return direct;
  const cues = cuesOf(text, mentions);
  const pieces = splitPieces(text, mentions, cues);
  const main = pieces.filter((p) => p.type === "main").reduce((sum, p) => sum + p.polarity, 0);
  const words = wordsOf(text);
  /**
   * Sentiment aimed at the mention itself: cues a few words either side of it ("the harms of
   * boxing", "boxing is dangerous") count again, and a reversing verb right before it
   * ("regulating advertising", "a ban on boxing") counts against it.
   */
  const local = (m: { start: number; end: number }, piece: Piece) => {
    const first = words.findIndex((w) => w.start >= m.start);
    let last = first;
    while (last + 1 < words.length && (words[last + 1]?.end ?? 0) <= m.end) last++;
    const from = Math.max(piece.start, words[Math.max(0, first - TARGET_WINDOW)]?.start ?? 0);
    const to = Math.min(piece.end, words[last + TARGET_WINDOW]?.end ?? text.length);
    const governed = cues.reversers.some(
      (r) => r.last < first && first - r.last <= TARGET_WINDOW && r.start >= piece.start,
    );
    return polarityIn(cues, from, to) - (governed ? 1 : 0);
  };
  for (const piece of pieces) {
    const polarity =
      piece.type === "harmed"
        ? -1
        : piece.type === "inverted"
          ? -main
          : piece.type === "contrast" && piece.polarity !== 0
            ? piece.polarity
            : main;
    for (const topic of piece.topics) {
      // A topic named in several pieces keeps the first non-neutral reading.
      if (direct.has(topic) && direct.get(topic) !== 0) continue;
      const mention = mentions.find((m) => m.topic === topic && within(m, piece.start, piece.end));
      const aimed = mention && piece.type !== "harmed" ? local(mention, piece) : 0;
      direct.set(topic, polarity + (piece.type === "inverted" ? -aimed : aimed));
    }
  }
  return direct;
}

/** How strongly and which way the text argues about `topic` (0 when it does not name it). */
export function polarityToward(text: string, topic: string, set = activeTopics()): number {
  return directPolarities(text, set).get(topic) ?? 0;
}

/** Stance toward each topic the text names (implied topics follow the topic implying them). */
export function stancesIn(text: string, set = activeTopics()): Record<string, Stance> {
  const direct = directPolarities(text, set);
  if (direct.size === 0) return {};
  const stances: Record<string, Stance> = {};
  for (const [topic, polarity] of direct) stances[topic] = toStance(polarity);
  const implied = set.withImplied(direct.keys()).filter((t) => !direct.has(t));
  // An implied topic takes the stance of the topics implying it when their non-neutral readings agree; two passes
  // let an implied topic feed another (DeepSeek -> Chinese open-weight AI -> open-weight).
  for (let pass = 0; pass < 2; pass++) {
    for (const topic of implied) {
      const definition = set.definition(topic);
      const sources = [...(definition?.impliedByAny ?? []), ...(definition?.impliedByAll ?? [])];
      const readings = new Set(
        sources.map((s) => stances[s]).filter((s) => s !== undefined && s !== "neutral"),
      );
      stances[topic] = readings.size === 1 ? ([...readings][0] ?? "neutral") : "neutral";
    }
  }
  return stances;
}
