// The thesis-bot command line. Every command prints one JSON document with --json, or
// readable text without it; warnings go to stderr so stdout stays parseable.
import path from "node:path";
import { parseArgs } from "node:util";
import { createThesisService } from "./answer/service.ts";
import type { ThesisService } from "./answer/types.ts";
import { askCommand, bullbearCommand, quoteCommand, risksCommand } from "./cli/answer-commands.ts";
import { digestCommand } from "./cli/digest-command.ts";
import { evalCommand } from "./cli/eval-command.ts";
import { type CliCommand, CliUsageError } from "./cli/io.ts";
import { claimsCommand, indexCommand, sourcesCommand } from "./cli/ledger-commands.ts";
import { serveCommand } from "./cli/serve-command.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { IndexVersionError, type OpenedLedger, openLedger } from "./corpus/index-file.ts";

export const CLI_COMMANDS: CliCommand[] = [
  askCommand,
  risksCommand,
  bullbearCommand,
  quoteCommand,
  sourcesCommand,
  claimsCommand,
  digestCommand,
  indexCommand,
  evalCommand,
  serveCommand,
];

export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
}

const defaultStreams: CliStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function helpText(): string {
  const rows = CLI_COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return [
    "Usage: thesis-bot <command> [options]",
    "",
    ...rows,
    "",
    "Add --json for machine-readable output.",
  ].join("\n");
}

export async function runCli(
  argv: string[],
  streams: CliStreams = defaultStreams,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    streams.stdout(`${helpText()}\n`);
    return 0;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    streams.stderr(`Unknown command "${name}".\n\n${helpText()}\n`);
    return 2;
  }
  try {
    const config = loadConfig(streams.env ?? process.env);
    const options = Object.fromEntries([
      ["json", { type: "boolean" as const }],
      ...(command.valueFlags ?? []).map((flag) => [flag, { type: "string" as const }]),
    ]);
    const parsed = parseArgs({
      args: rest,
      options,
      allowPositionals: true,
      strict: true,
    });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const positionals = parsed.positionals;
    let opened: Promise<OpenedLedger> | undefined;
    const open = () => {
      opened ??= openLedger(
        config.CORPUS_DIR,
        path.join(config.DATA_DIR, "index", "ledger.json"),
      ).then((result) => {
        for (const warning of result.ledger.warnings) streams.stderr(`warning: ${warning}\n`);
        return result;
      });
      return opened;
    };
    const ledger = () => open().then((result) => result.ledger);
    let dropped = 0;
    let service: Promise<ThesisService> | undefined;
    const thesis = () => {
      service ??= open().then(({ ledger: l, sourceTexts }) =>
        createThesisService(l, {
          sourceTexts,
          onDroppedCitation: ({ citation, reason }) => {
            dropped++;
            streams.stderr(
              `quote check refused ${citation.file}:${citation.lines.join("-")} (${reason})\n`,
            );
          },
        }),
      );
      return service;
    };
    const output = await command.run({
      positionals,
      flags: values,
      config,
      ledger,
      thesis,
      droppedQuotes: () => dropped,
    });
    streams.stdout(values.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    return output.exitCode ?? 0;
  } catch (error) {
    if (
      error instanceof CliUsageError ||
      error instanceof ConfigError ||
      error instanceof IndexVersionError
    ) {
      streams.stderr(`${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      streams.stderr(`${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
