// Small helpers every subcommand file shares: declaring a definition into the common list,
// and the wording of citations, titles and topic errors, so all commands read alike.
import type { z } from "zod";
import { resolveTopic } from "../src/corpus/topics.ts";
import { clip, oneLine } from "../src/lib/text.ts";
import { usageReply } from "../src/reply/build.ts";
import type { Reply } from "../src/reply/reply.ts";
import { errorDocument } from "./failure.ts";
import type { CommandContext, SubcommandDefinition } from "./types.ts";

/** Widens a typed definition for the shared list (run's input type is checked here, once). */
export function defineSubcommand<Schema extends z.ZodObject>(
  def: SubcommandDefinition<Schema>,
): SubcommandDefinition {
  return def as unknown as SubcommandDefinition;
}

/** `text` on one line, cut with "…" to at most `max` characters. */
export function truncate(text: string, max: number): string {
  return clip(oneLine(text), max, { atWord: false });
}

export type TopicLookup = { ok: true; id: string } | { ok: false; reply: Reply };

/** What is said of a topic the sources never name, listing the ones they do. */
export function unknownTopicMessage(ctx: CommandContext, typed: string): string {
  const list = ctx.thesis
    .topics()
    .map((t) => t.id)
    .join(", ");
  return `The sources say nothing about "${truncate(typed, 60)}" as a topic. Known topics: ${list}.`;
}

/** Resolves what the user typed to a topic the corpus knows, or a usage reply listing them. */
export function lookupTopic(ctx: CommandContext, typed: string, usage: string): TopicLookup {
  const id = resolveTopic(typed);
  if (id && ctx.thesis.topics().some((t) => t.id === id)) return { ok: true, id };
  const message = unknownTopicMessage(ctx, typed);
  return {
    ok: false,
    reply: { ...usageReply(message, usage), data: errorDocument("UNKNOWN_TOPIC", message) },
  };
}
