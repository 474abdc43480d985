// `ask`, `risks`, `bullbear`, `quote`, `sources` and `topics`: the /thesis subcommands of
// commands/, run as they are in chat. The words after the command fill its options as typed
// text does; options typed text cannot give (ask's limit) are --flags. The text printed is
// the console's rendering, the --json document the reply's data.
import { parseCommandText, structuredOnlyOptions } from "../../commands/dispatch.ts";
import { failureOf } from "../../commands/failure.ts";
import { thesisCommands } from "../../commands/index.ts";
import type { SubcommandDefinition } from "../../commands/types.ts";
import { renderConsole } from "../adapters/console/render.ts";
import { type CliCommand, CliUsageError } from "./io.ts";
import { runCliSubcommand } from "./run-subcommand.ts";

const ON_THE_COMMAND_LINE = ["ask", "risks", "bullbear", "quote", "sources", "topics"];

function cliCommand(def: SubcommandDefinition): CliCommand {
  const flags = structuredOnlyOptions(def);
  const typed = def.usage.replace(/^\/thesis\s+/, "");
  return {
    name: def.name,
    summary: def.description,
    usage: `thesis-bot ${typed}${flags.map((f) => ` [--${f} <${f}>]`).join("")} [--json]`,
    valueFlags: flags,
    async run(input) {
      const parsed = parseCommandText(`${def.name} ${input.positionals.join(" ")}`, [def]);
      const reply = parsed.ok
        ? await runCliSubcommand(await input.thesis(), def.name, {
            ...parsed.raw,
            ...Object.fromEntries(
              flags.flatMap((f) => (input.flags[f] === undefined ? [] : [[f, input.flags[f]]])),
            ),
          })
        : parsed.reply;
      // Something the user can fix: one sentence on stderr, exit 2, the code under --json.
      const failure = failureOf(reply);
      if (failure) throw new CliUsageError(failure.message, failure.code);
      return {
        json: reply.data,
        text: renderConsole(reply).replace(/\n$/, ""),
        // The corpus had nothing on it (no passage, no side argued, no risk raised).
        exitCode: reply.kind === "empty" ? 1 : 0,
      };
    },
  };
}

export const thesisCliCommands: CliCommand[] = ON_THE_COMMAND_LINE.flatMap((name) => {
  const def = thesisCommands.find((d) => d.name === name);
  return def ? [cliCommand(def)] : [];
});
