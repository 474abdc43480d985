// The topics of the corpus being served: the curated topics.json beside the articles plus
// the topics discovered in them (topic-discovery.ts), kept in the ledger. One process
// serves one corpus, so the topics in force are set where a ledger is built or opened
// (`useTopics`) and every reader (claims, stance, commands) asks the functions below.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import {
  createTopicSet,
  type TopicDefinition,
  type TopicMention,
  type TopicSet,
} from "./topic-set.ts";

export type { TopicDefinition, TopicMention, TopicSet };

export const topicDefinitionSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  caseSensitive: z.array(z.string().min(1)).optional(),
  entity: z.boolean().optional(),
  impliedByAny: z.array(z.string()).optional(),
  impliedByAll: z.array(z.string()).optional(),
  discovered: z.boolean().optional(),
});
const topicsFile = z.array(topicDefinitionSchema);

/** The curated topics of a corpus folder (`topics.json`), or none; a bad file is a warning. */
export async function readTopicsFile(
  dir: string,
): Promise<{ topics: TopicDefinition[]; warning?: string }> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, "topics.json"), "utf8");
  } catch {
    return { topics: [] };
  }
  const ignored = (why: string) => ({
    topics: [],
    warning: `Ignored ${path.basename(dir)}/topics.json: ${why}.`,
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return ignored("it is not valid JSON");
  }
  const parsed = topicsFile.safeParse(json);
  return parsed.success ? { topics: parsed.data } : ignored(parsed.error.issues[0]?.message ?? "");
}

let active: TopicSet = createTopicSet([]);

/** Makes these the topics every reader sees (a ledger's, when it is built or opened). */
export function useTopics(definitions: readonly TopicDefinition[]): TopicSet {
  if (active.definitions !== definitions) active = createTopicSet(definitions);
  return active;
}

export const activeTopics = (): TopicSet => active;
export const topicIds = (): readonly string[] => active.ids;
export const topicLabel = (id: string): string => active.label(id);
export const findTopicMentions = (text: string): TopicMention[] => active.findMentions(text);
export const withImpliedTopics = (found: Iterable<string>): string[] => active.withImplied(found);
export const topicsIn = (text: string): string[] =>
  active.withImplied(active.findMentions(text).map((m) => m.topic));
export const resolveTopic = (input: string): string | null => active.resolve(input);
export const aliasExpansions = (): Map<string, string[]> => active.aliasExpansions();
