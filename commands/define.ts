// Small helpers every subcommand file shares: declaring a definition into the common list,
// and the wording of citations, titles and topic errors, so all commands read alike.
import type { z } from "zod";
import { resolveTopic } from "../src/corpus/topics.ts";
import { usageReply } from "../src/reply/build.ts";
import type { Reply } from "../src/reply/reply.ts";
import type { CommandContext, SubcommandDefinition } from "./types.ts";

/** Widens a typed definition for the shared list (run's input type is checked here, once). */
export function defineSubcommand<Schema extends z.ZodObject>(
  def: SubcommandDefinition<Schema>,
): SubcommandDefinition {
  return def as unknown as SubcommandDefinition;
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export type TopicLookup = { ok: true; id: string } | { ok: false; reply: Reply };

/** Resolves what the user typed to a topic the corpus knows, or a usage reply listing them. */
export function lookupTopic(ctx: CommandContext, typed: string, usage: string): TopicLookup {
  const known = ctx.thesis.topics();
  const id = resolveTopic(typed);
  if (id && known.some((t) => t.id === id)) return { ok: true, id };
  const list = known.map((t) => t.id).join(", ");
  return {
    ok: false,
    reply: usageReply(
      `The sources say nothing about "${truncate(typed, 60)}" as a topic. Known topics: ${list}.`,
      usage,
    ),
  };
}
