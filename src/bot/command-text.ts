// The command text behind an answer ("ask why does distribution win", "bullbear TAO"):
// what Share, Quote in thread and paging re-run, since answers are deterministic. Built
// from the options in positional order, so a Discord invocation and the same words typed
// on Slack give the same text.
import { MAX_INPUT_CHARS, positionalOrder } from "../../commands/dispatch.ts";
import type { SubcommandDefinition } from "../../commands/types.ts";
import { oneLine } from "../lib/text.ts";

export function commandTextOf(
  commands: readonly SubcommandDefinition[],
  name: string,
  raw: Record<string, unknown>,
): string {
  const def = commands.find((d) => d.name === name);
  if (!def) return name;
  const words = positionalOrder(def)
    .map((option) => raw[option])
    .filter((value) => value !== undefined && value !== "")
    .map((value) => String(value).trim());
  return [name, ...words].join(" ");
}

/** "ask <message text>" for a message someone wants sources for, clipped to the input limit. */
export function askAbout(text: string): string {
  return `ask ${oneLine(text).slice(0, MAX_INPUT_CHARS)}`;
}
