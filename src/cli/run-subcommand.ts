// The one place the command line runs a /thesis subcommand: the same definitions and Reply as
// chat and the console, with the CLI as the platform. (The bot's dispatch is to take this over.)
import { runSubcommand } from "../../commands/dispatch.ts";
import { thesisCommands } from "../../commands/index.ts";
import type { CommandContext } from "../../commands/types.ts";
import type { ThesisService } from "../answer/types.ts";
import type { Reply } from "../reply/reply.ts";

export async function runCliSubcommand(
  thesis: ThesisService,
  name: string,
  raw: Record<string, unknown>,
): Promise<Reply> {
  const ctx: CommandContext = {
    thesis,
    platform: "cli",
    user: { id: "cli", name: "cli" },
    // Whoever runs the command line owns the corpus and its data folder.
    isAdmin: true,
    now: () => new Date(),
  };
  let bug: { error: unknown } | undefined;
  const reply = await runSubcommand(thesisCommands, ctx, name, raw, (_message, error) => {
    bug = { error };
  });
  // Chat says "sorry" for a bug; the command line rethrows it, so the runner prints its stack
  // on stderr and exits 1 (INTERNAL), as for any other command.
  if (bug) throw bug.error;
  return reply;
}
