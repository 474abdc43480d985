// A set of topics and how articles name them: finds mentions in text, adds implied topics
// and resolves what a user types. Topics are data (a corpus's topics.json, or discovered
// from its articles); nothing here knows any particular topic. Longest alias wins, so
// "closed frontier models" is one mention, not "frontier models" plus something else.
import { wordsOf } from "./cues.ts";
import { partOfOtherName } from "./name-context.ts";

export interface TopicDefinition {
  id: string;
  label: string;
  aliases: string[];
  /** Aliases that only count with this exact case ("US", not "us"). */
  caseSensitive?: string[];
  /** A named thing (a company, a model, a country): its names expand each other in search. */
  entity?: boolean;
  /** Implied when any of these topics is present. */
  impliedByAny?: string[];
  /** Implied when all of these topics are present. */
  impliedByAll?: string[];
  /** Found in the articles rather than written in a topics file. */
  discovered?: boolean;
}

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
  /** The alias is one word that may also be part of a person's or a compound's name. */
  entity: boolean;
}

export interface TopicSet {
  readonly definitions: readonly TopicDefinition[];
  readonly ids: readonly string[];
  definition(id: string): TopicDefinition | undefined;
  label(id: string): string;
  findMentions(text: string): TopicMention[];
  withImplied(found: Iterable<string>): string[];
  resolve(input: string): string | null;
  aliasExpansions(): Map<string, string[]>;
}

/** Words of one alias may be joined by white space or a hyphen ("open-weight", "open source"). */
const JOINER = /^[\s-]+$/;

/**
 * Every alias, filed under its first word, longest first: one pass over a sentence's
 * words finds every mention, and where several aliases start at the same word the longest
 * wins. Possessives need no alias of their own: "China's" is the word "china" then "s".
 * An alias two topics claim stays with the first (a curated topic before a discovered one).
 */
function buildAliasIndex(topics: readonly TopicDefinition[]): Map<string, AliasEntry[]> {
  const owner = new Map<string, string>();
  const index = new Map<string, AliasEntry[]>();
  const add = (topic: TopicDefinition, alias: string, exact: boolean) => {
    const words = wordsOf(alias).map((w) => w.word);
    const key = `${exact ? "=" : ""}${words.join(" ")}`;
    const first = words[0];
    if (owner.has(key) || !first) return;
    owner.set(key, topic.id);
    const list = index.get(first) ?? [];
    list.push({
      topic: topic.id,
      words,
      entity: topic.entity === true,
      ...(exact ? { exact: alias } : {}),
    });
    list.sort((a, b) => b.words.length - a.words.length);
    index.set(first, list);
  };
  for (const t of topics) {
    for (const alias of t.aliases) add(t, alias, false);
    for (const alias of t.caseSensitive ?? []) add(t, alias, true);
  }
  return index;
}

export function createTopicSet(definitions: readonly TopicDefinition[]): TopicSet {
  const aliases = buildAliasIndex(definitions);
  const ids = definitions.map((t) => t.id);
  const byId = new Map(definitions.map((t) => [t.id, t]));
  const impliedMemo = new Map<string, readonly string[]>();

  function findMentions(text: string): TopicMention[] {
    const words = wordsOf(text);
    const mentions: TopicMention[] = [];
    for (let i = 0; i < words.length; i++) {
      const first = words[i];
      if (!first) continue;
      for (const entry of aliases.get(first.word) ?? []) {
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
        if (ok && n === 1 && entry.exact === undefined)
          ok = !partOfOtherName(text, first.start, last.end, entry.entity, isMentionAt);
        if (!ok) continue;
        mentions.push({ topic: entry.topic, start: first.start, end: last.end });
        i += n - 1;
        break;
      }
    }
    return mentions;
  }

  /** Does some alias start at the word at `start`? ("Anthropic Claude": both are names of ours.) */
  function isMentionAt(word: string): boolean {
    return aliases.has(word.toLowerCase());
  }

  function implied(topics: Set<string>): string[] {
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of definitions) {
        if (topics.has(t.id)) continue;
        const any = t.impliedByAny?.some((id) => topics.has(id)) ?? false;
        const all = t.impliedByAll?.every((id) => topics.has(id)) ?? false;
        if (any || all) {
          topics.add(t.id);
          changed = true;
        }
      }
    }
    return ids.filter((id) => topics.has(id));
  }

  function withImplied(found: Iterable<string>): string[] {
    const topics = new Set(found);
    if (topics.size === 0) return [];
    // Every claim asks this; only a few dozen distinct topic sets ever occur.
    const key = [...topics].join(" ");
    const known = impliedMemo.get(key);
    if (known) return [...known];
    const result = implied(topics);
    if (impliedMemo.size < 10_000) impliedMemo.set(key, result);
    return [...result];
  }

  /**
   * The most specific topic id the input names, or null. Implied topics are not returned:
   * "DeepSeek" resolves to deepseek, not china; "Chinese" + "open-source" resolves to the
   * topic implied by both.
   */
  function resolve(input: string): string | null {
    const text = input.trim();
    if (text === "") return null;
    const lower = text.toLowerCase();
    const exact = definitions.find((t) => t.id === lower || t.label.toLowerCase() === lower);
    if (exact) return exact.id;
    const mentions = findMentions(text).map((m) => m.topic);
    if (mentions.length === 0) return null;
    const all = withImplied(mentions);
    const composite = definitions.find(
      (t) => t.impliedByAll?.every((id) => mentions.includes(id)) && all.includes(t.id),
    );
    return composite?.id ?? mentions[0] ?? null;
  }

  /**
   * Search expansions between the names of one entity ("bittensor" also finds "tao", "kimmy"
   * finds "kimi"). Only single-word names of entity topics expand: category phrases such as
   * "open source" or "closed models" would turn every "open" or "closed" into a dozen terms.
   */
  function aliasExpansions(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const t of definitions) {
      // A discovered topic's aliases are only its inflections, which stemming already joins.
      if (!t.entity || t.discovered) continue;
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

  return {
    definitions,
    ids,
    definition: (id) => byId.get(id),
    label: (id) => byId.get(id)?.label ?? id,
    findMentions,
    withImplied,
    resolve,
    aliasExpansions,
  };
}
