// Suggestions for options that autocomplete (commands/types.ts `optionMeta.autocomplete`):
// topics by how much the sources say about them, claims by id or text. Platform-neutral;
// Discord shows them as you type.
import type { SubcommandDefinition } from "../../commands/types.ts";
import type { ThesisService } from "../answer/types.ts";
import { clip, oneLine } from "../lib/text.ts";

export interface Choice {
  name: string;
  value: string;
}

/** Discord's limits: 25 choices, 100 characters each. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;

const choiceText = (text: string) => clip(text, MAX_CHOICE_CHARS, { atWord: false });

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
      .map((t) => ({
        name: choiceText(`${t.label} (${t.claims} claims)`),
        value: choiceText(t.id),
      }));
  }
  if (meta?.autocomplete === "claim") {
    return thesis
      .claims()
      .filter((c) => c.id.startsWith(needle) || c.text.toLowerCase().includes(needle))
      .slice(0, MAX_CHOICES)
      .map((c) => ({ name: choiceText(oneLine(c.text)), value: choiceText(c.id) }));
  }
  return [];
}
