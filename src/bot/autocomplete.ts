// Suggestions for options that autocomplete (commands/types.ts `optionMeta.autocomplete`):
// topics by how much the sources say about them, claims by id or text. Platform-neutral;
// Discord shows them as you type.
import type { SubcommandDefinition } from "../../commands/types.ts";
import type { ThesisService } from "../answer/types.ts";

export interface Choice {
  name: string;
  value: string;
}

/** Discord's limits: 25 choices, 100 characters each. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;

const clip = (text: string) =>
  text.length <= MAX_CHOICE_CHARS ? text : `${text.slice(0, MAX_CHOICE_CHARS - 1)}…`;

export function suggestionsFor(
  thesis: ThesisService,
  commands: readonly SubcommandDefinition[],
  subcommand: string,
  option: string,
  typed: string,
): Choice[] {
  const def = commands.find((d) => d.name === subcommand);
  const meta = (def?.optionMeta as Record<string, { autocomplete?: string }> | undefined)?.[option];
  const needle = typed.trim().toLowerCase();
  if (meta?.autocomplete === "topic") {
    return thesis
      .topics()
      .filter((t) => `${t.id} ${t.label}`.toLowerCase().includes(needle))
      .sort((a, b) => b.claims - a.claims)
      .slice(0, MAX_CHOICES)
      .map((t) => ({ name: clip(`${t.label} (${t.claims} claims)`), value: clip(t.id) }));
  }
  if (meta?.autocomplete === "claim") {
    return thesis
      .claims()
      .filter((c) => c.id.startsWith(needle) || c.text.toLowerCase().includes(needle))
      .slice(0, MAX_CHOICES)
      .map((c) => ({ name: clip(c.text.replace(/\s+/g, " ")), value: clip(c.id) }));
  }
  return [];
}
