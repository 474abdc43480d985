// Finds topics in text and resolves what a user types ("Bittensor", "tao", "Chinese
// open-source AI") to a topic id. Longest alias wins, so "closed frontier models" is one
// mention, not "frontier models" plus something else.
import { wordsOf } from "./cues.ts";
import { TOPICS, type TopicDefinition } from "./topic-data.ts";

export interface TopicMention {
  topic: string;
  start: number;
  end: number;
}

interface AliasEntry {
  topic: string;
  /** The alias as lower-case words, as the classifier's tokenizer reads them. */
  words: string[];
  /** For case-sensitive aliases ("US"), the exact text that must stand in the sentence. */
  exact?: string;
}

/**
 * Every alias, filed under its first word, longest first: one pass over a sentence's
 * words finds every mention, and where several aliases start at the same word the longest
 * wins. (A regular expression per topic made stance reading the slowest step of indexing.)
 * Possessives need no alias of their own: "China's" is the word "china" then "s".
 */
function buildAliasIndex(topics: readonly TopicDefinition[]): Map<string, AliasEntry[]> {
  const owner = new Map<string, string>();
  const index = new Map<string, AliasEntry[]>();
  const add = (topic: string, alias: string, exact: boolean) => {
    const words = wordsOf(alias).map((w) => w.word);
    const key = `${exact ? "=" : ""}${words.join(" ")}`;
    const existing = owner.get(key);
    if (existing && existing !== topic)
      throw new Error(`Alias "${alias}" names both ${existing} and ${topic}`);
    const first = words[0];
    if (existing || !first) return;
    owner.set(key, topic);
    const list = index.get(first) ?? [];
    list.push({ topic, words, ...(exact ? { exact: alias } : {}) });
    list.sort((a, b) => b.words.length - a.words.length);
    index.set(first, list);
  };
  for (const t of topics) {
    for (const alias of t.aliases) add(t.id, alias, false);
    for (const alias of t.caseSensitive ?? []) add(t.id, alias, true);
  }
  return index;
}

const ALIASES = buildAliasIndex(TOPICS);
/** Words of one alias may be joined by white space or a hyphen ("open-weight", "open source"). */
const JOINER = /^[\s-]+$/;

export const TOPIC_IDS = TOPICS.map((t) => t.id);
const byId = new Map(TOPICS.map((t) => [t.id, t]));

export function topicLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}

/** Every alias occurrence, longest first where they overlap, in text order. */
export function findTopicMentions(text: string): TopicMention[] {
  const words = wordsOf(text);
  const mentions: TopicMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (!first) continue;
    for (const entry of ALIASES.get(first.word) ?? []) {
      const n = entry.words.length;
      const last = words[i + n - 1];
      if (!last) continue;
      let ok = true;
      for (let k = 1; ok && k < n; k++) {
        const prev = words[i + k - 1];
        const next = words[i + k];
        ok =
          !!prev &&
          !!next &&
          next.word === entry.words[k] &&
          JOINER.test(text.slice(prev.end, next.start));
      }
      if (ok && entry.exact !== undefined) ok = text.slice(first.start, last.end) === entry.exact;
      if (!ok) continue;
      mentions.push({ topic: entry.topic, start: first.start, end: last.end });
      i += n - 1;
      break;
    }
  }
  return mentions;
}

/** Adds implied topics until nothing changes (DeepSeek -> China and Chinese open-weight AI). */
export function withImpliedTopics(found: Iterable<string>): string[] {
  const topics = new Set(found);
  // Every claim asks this; only a few dozen distinct topic sets ever occur.
  const key = TOPIC_IDS.filter((id) => topics.has(id)).join(" ");
  const known = IMPLIED.get(key);
  if (known) return [...known];
  const result = implied(topics);
  if (IMPLIED.size < 10_000) IMPLIED.set(key, result);
  return [...result];
}

const IMPLIED = new Map<string, readonly string[]>();

function implied(topics: Set<string>): string[] {
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of TOPICS) {
      if (topics.has(t.id)) continue;
      const any = t.impliedByAny?.some((id) => topics.has(id)) ?? false;
      const all = t.impliedByAll?.every((id) => topics.has(id)) ?? false;
      if (any || all) {
        topics.add(t.id);
        changed = true;
      }
    }
  }
  return TOPIC_IDS.filter((id) => topics.has(id));
}

export function topicsIn(text: string): string[] {
  return withImpliedTopics(findTopicMentions(text).map((m) => m.topic));
}

/**
 * Resolves a user's topic ("TAO", "bittensor", "Chinese open-source AI", "chinese-open") to
 * the most specific topic id it names, or null. Implied topics are not returned: "DeepSeek"
 * resolves to deepseek, not china.
 */
export function resolveTopic(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  const lower = text.toLowerCase();
  const exact = TOPICS.find((t) => t.id === lower || t.label.toLowerCase() === lower);
  if (exact) return exact.id;
  const mentions = findTopicMentions(text).map((m) => m.topic);
  if (mentions.length === 0) return null;
  // The topic implied by all the others is the most specific reading ("Chinese" + "open-source").
  const implied = withImpliedTopics(mentions);
  const composite = TOPICS.find(
    (t) => t.impliedByAll?.every((id) => mentions.includes(id)) && implied.includes(t.id),
  );
  return composite?.id ?? mentions[0] ?? null;
}

/**
 * Search expansions between the names of one entity ("bittensor" also finds "tao", "kimmy"
 * finds "kimi"). Only single-word names of entity topics expand: category phrases such as
 * "open source" or "closed models" would turn every "open" or "closed" into a dozen terms.
 */
export function aliasExpansions(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const t of TOPICS) {
    if (!t.entity) continue;
    const names = [...t.aliases, ...(t.caseSensitive ?? [])]
      .map((a) => a.toLowerCase().replace(/^\$/, ""))
      .filter((a) => /^[\p{L}\p{N}.]+$/u.test(a) && !/['’]s$/.test(a));
    const unique = [...new Set(names)];
    for (const name of unique)
      map.set(
        name,
        unique.filter((other) => other !== name),
      );
  }
  return map;
}
