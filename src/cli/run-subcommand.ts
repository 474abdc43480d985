// The one place the command line runs a /thesis subcommand: the same bot, definitions and
// Reply as chat and the console, with the CLI as the platform.
import { thesisCommands } from "../../commands/index.ts";
import { createConsoleChat } from "../adapters/console/chat.ts";
import type { ThesisService } from "../answer/types.ts";
import { createBot } from "../bot/bot.ts";
import type { Reply } from "../reply/reply.ts";

/** Whoever runs the command line owns the corpus and its data folder: they are the admin. */
const CLI_USER = { id: "cli", name: "cli" };

export async function runCliSubcommand(
  thesis: ThesisService,
  name: string,
  raw: Record<string, unknown>,
): Promise<Reply> {
  let bug: { error: unknown } | undefined;
  const bot = createBot({
    commands: thesisCommands,
    thesis,
    log: (_message, error) => {
      bug = { error };
    },
  });
  // Nothing on the command line posts to a channel; the reply is printed by the runner.
  const chat = createConsoleChat(() => {}, "cli");
  const { reply } = await bot.run(chat, { user: CLI_USER }, { name, options: raw });
  // Chat says "sorry" for a bug; the command line rethrows it, so the runner prints its stack
  // on stderr and exits 1 (INTERNAL), as for any other command.
  if (bug) throw bug.error;
  return reply;
}
