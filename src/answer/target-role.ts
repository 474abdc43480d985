// Is the target what the sentence is about? An argument makes its target the subject of a
// clause ("Tobacco is the single greatest cause…", "Dams can severely reduce…", "ASEAN has
// subscribed to…"); a report names it in passing, inside a prepositional phrase ("the
// compounds in the tobacco leaves", "benefits for ASEAN members"). Read from wink-nlp's
// part-of-speech tags: the mention, with the nouns and adjectives of its own noun phrase, is
// followed by a verb, an auxiliary or an adverb, and no preposition stands just before it.
import { its, posNlp as nlp } from "../corpus/part-of-speech.ts";

/** Words of the mention's own noun phrase that may follow it ("Dam failures are…"). */
const PHRASE_TAGS = new Set(["NOUN", "PROPN", "PART", "ADJ"]);
const PHRASE_REACH = 3;
const VERB_TAGS = new Set(["AUX", "VERB", "ADV"]);

const cache = new Map<string, boolean>();
const CACHE_SIZE = 50_000;

/**
 * True when one of the mentions (character spans of `text`) is the subject of a clause.
 * Cached: bullbear weighs each bear once for every bull it might answer.
 */
export function targetIsSubject(
  text: string,
  mentions: readonly { start: number; end: number }[],
): boolean {
  if (mentions.length === 0) return false;
  const key = `${mentions.map((m) => `${m.start}-${m.end}`).join(",")}:${text}`;
  let known = cache.get(key);
  if (known === undefined) {
    known = subjectAmong(text, mentions);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, known);
  }
  return known;
}

function subjectAmong(text: string, mentions: readonly { start: number; end: number }[]): boolean {
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as string[];
  const offsets: number[] = [];
  let at = 0;
  for (const value of values) {
    const found = text.indexOf(value, at);
    offsets.push(found < 0 ? at : found);
    if (found >= 0) at = found + value.length;
  }
  return mentions.some((m) => {
    const first = offsets.findIndex((o) => o >= m.start);
    if (first < 0) return false;
    let last = first;
    while (last + 1 < offsets.length && (offsets[last + 1] ?? m.end) < m.end) last++;
    let next = last + 1;
    while (next - last <= PHRASE_REACH && PHRASE_TAGS.has(tags[next] ?? "")) next++;
    const before = tags[first - 1] === "DET" ? tags[first - 2] : tags[first - 1];
    return VERB_TAGS.has(tags[next] ?? "") && before !== "ADP";
  });
}
