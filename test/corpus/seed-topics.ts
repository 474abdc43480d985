// The seeds' curated topics (seeds/topics.json) made the topics in force, for tests that
// read topics or stances from text without building a ledger.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { type TopicDefinition, useTopics } from "../../src/corpus/topics.ts";

export function useSeedTopics(): void {
  const file = path.join(PACKAGE_ROOT, "seeds", "topics.json");
  useTopics(JSON.parse(readFileSync(file, "utf8")) as TopicDefinition[]);
}
