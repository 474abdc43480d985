// Finds topics in text and resolves what a user types ("Bittensor", "tao", "Chinese
// open-source AI") to a topic id. Longest alias wins, so "closed frontier models" is one
// mention, not "frontier models" plus something else.
import { TOPICS, type TopicDefinition } from "./topic-data.ts";

export interface TopicMention {
  topic: string;
  start: number;
  end: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * All aliases of all topics in one alternation, longest first, so one pass over a text
 * finds every mention and the longest alias wins where several start at the same place.
 * (One regex per topic made stance reading the slowest step of indexing.)
 */
function buildMatcher(topics: readonly TopicDefinition[], caseSensitive: boolean) {
  const owner = new Map<string, string>();
  for (const t of topics) {
    const names = caseSensitive ? (t.caseSensitive ?? []) : t.aliases;
    for (const alias of names) {
      const key = caseSensitive ? alias : alias.toLowerCase();
      const existing = owner.get(key);
      if (existing && existing !== t.id)
        throw new Error(`Alias "${alias}" names both ${existing} and ${t.id}`);
      owner.set(key, t.id);
    }
  }
  const alternatives = [...owner.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return null;
  // "\b" fails next to "$" and "." so word edges are spelled out.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}$])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`,
    caseSensitive ? "gu" : "giu",
  );
  return { pattern, owner, caseSensitive };
}

const MATCHERS = [buildMatcher(TOPICS, false), buildMatcher(TOPICS, true)].filter(
  (m) => m !== null,
);
export const TOPIC_IDS = TOPICS.map((t) => t.id);
const byId = new Map(TOPICS.map((t) => [t.id, t]));

export function topicLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}

/** Every alias occurrence, longest first where they overlap, in text order. */
export function findTopicMentions(text: string): TopicMention[] {
  const raw: TopicMention[] = [];
  for (const { pattern, owner, caseSensitive } of MATCHERS) {
    for (const m of text.matchAll(pattern)) {
      const topic = owner.get(caseSensitive ? m[0] : m[0].toLowerCase());
      if (topic) raw.push({ topic, start: m.index, end: m.index + m[0].length });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TopicMention[] = [];
  for (const mention of raw) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

/** Adds implied topics until nothing changes (DeepSeek -> China and Chinese open-weight AI). */
export function withImpliedTopics(found: Iterable<string>): string[] {
  const topics = new Set(found);
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
