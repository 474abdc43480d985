// Every /thesis subcommand, in the order help and Discord show them.
import { askCommand } from "./ask.ts";
import { bullbearCommand } from "./bullbear.ts";
import { digestCommand } from "./digest.ts";
import { feedbackCommand } from "./feedback.ts";
import { createHelpCommand } from "./help.ts";
import { quoteCommand } from "./quote.ts";
import { risksCommand } from "./risks.ts";
import { settingsCommand } from "./settings.ts";
import { sourcesCommand } from "./sources.ts";
import { topicsCommand } from "./topics.ts";
import type { SubcommandDefinition } from "./types.ts";

export const thesisCommands: SubcommandDefinition[] = [
  askCommand,
  risksCommand,
  bullbearCommand,
  quoteCommand,
  sourcesCommand,
  topicsCommand,
  digestCommand,
  feedbackCommand,
  settingsCommand,
  createHelpCommand(() => thesisCommands),
];
