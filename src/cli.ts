// The thesis-bot command line. Every command prints one JSON document with --json, or
// readable text without it; warnings go to stderr so stdout stays parseable.
import { parseArgs } from "node:util";
import { type CorpusView, createCorpusView } from "./answer/corpus-view.ts";
import type { DroppedCitation } from "./answer/quote-check.ts";
import { createThesisService } from "./answer/service.ts";
import type { ThesisService } from "./answer/types.ts";
import { INDEXING_CLAIMS, openCorpus } from "./app/open-thesis.ts";
import { type ProgressDisplay, progressDisplay } from "./app/progress-display.ts";
import { type DescribedError, describeError } from "./app/startup-error.ts";
import { digestCommand } from "./cli/digest-command.ts";
import { evalCommand } from "./cli/eval-command.ts";
import { feedbackCommand } from "./cli/feedback-command.ts";
import type { CliCommand } from "./cli/io.ts";
import { claimsCommand, indexCommand } from "./cli/ledger-commands.ts";
import { serveCommand } from "./cli/serve-command.ts";
import { sourcesCommand } from "./cli/sources-command.ts";
import { thesisCliCommands } from "./cli/thesis-commands.ts";
import { loadConfig } from "./config.ts";
import type { OpenedLedger } from "./corpus/index-file.ts";
import { fileLines } from "./lib/text.ts";

export const CLI_COMMANDS: CliCommand[] = [
  // `sources` also adds, refreshes and removes, which needs the store: its own command.
  ...thesisCliCommands.map((c) => (c.name === "sources" ? sourcesCommand : c)),
  claimsCommand,
  digestCommand,
  feedbackCommand,
  indexCommand,
  evalCommand,
  serveCommand,
];

export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
  /** Where long indexing shows its progress; none when absent (in-process runs). */
  progress?: ProgressDisplay;
}

const defaultStreams: CliStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: progressDisplay(process.stderr),
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

/** The --json form of a failure: one document on stdout, whatever went wrong. */
function errorDocument(code: string, message: string): string {
  return `${JSON.stringify({ error: { code, message } }, null, 2)}\n`;
}

export async function runCli(
  argv: string[],
  streams: CliStreams = defaultStreams,
): Promise<number> {
  const [name, ...rest] = argv;
  // Known before parsing, so even a command line that fails to parse answers in JSON.
  const json = argv.includes("--json");
  const fail = (failure: DescribedError, usage?: string): number => {
    const hint = failure.exitCode === 2 && usage && !json ? `\nUsage: ${usage}` : "";
    streams.stderr(`${failure.message}${hint}\n`);
    if (json) streams.stdout(errorDocument(failure.code, failure.message));
    return failure.exitCode;
  };
  if (!name || name === "help" || name === "--help" || name === "-h") {
    streams.stdout(`${helpText()}\n`);
    return 0;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (!json) streams.stderr(`${helpText()}\n\n`);
    return fail({
      code: "UNKNOWN_COMMAND",
      message: `Unknown command "${name}": run thesis-bot help for the list.`,
      exitCode: 2,
    });
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
      opened ??= openCorpus(
        config,
        (message) => streams.stderr(`warning: ${message}\n`),
        streams.progress?.stage,
      );
      return opened;
    };
    const ledger = () => open().then((result) => result.ledger);
    let dropped = 0;
    const onDroppedCitation = ({ citation, reason }: DroppedCitation) => {
      dropped++;
      streams.stderr(
        `quote check refused ${fileLines(citation.file, citation.lines)} (${reason})\n`,
      );
    };
    let service: Promise<ThesisService> | undefined;
    const thesis = () => {
      service ??= open().then(({ ledger: l, sourceTexts }) =>
        createThesisService(l, {
          sourceTexts,
          onDroppedCitation,
          ...(streams.progress ? { onIndexProgress: streams.progress.stage(INDEXING_CLAIMS) } : {}),
        }),
      );
      return service;
    };
    let view: Promise<CorpusView> | undefined;
    const corpusView = () => {
      view ??= open().then(({ ledger: l, sourceTexts }) =>
        createCorpusView(l, onDroppedCitation, sourceTexts),
      );
      return view;
    };
    const output = await command.run({
      positionals,
      flags: values,
      config,
      ledger,
      corpus: open,
      stderr: streams.stderr,
      progress: (stage) => streams.progress?.stage(stage) ?? (() => {}),
      thesis,
      corpusView,
      droppedQuotes: () => dropped,
    });
    // The bar's line ends before the result is printed.
    streams.progress?.stop();
    if (output.error && json) {
      // Already said on stderr by whoever failed (serve logs its own start-up).
      streams.stdout(errorDocument(output.error.code, output.error.message));
    } else {
      streams.stdout(json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    }
    return output.exitCode ?? 0;
  } catch (error) {
    streams.progress?.stop();
    const failure = describeError(error);
    if (failure) return fail(failure, command.usage);
    // A bug, not a mistake of the user's: one sentence, then the stack for the report.
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr(
      `thesis-bot ${name} stopped on an unexpected error: ${message}\n${error instanceof Error ? (error.stack ?? "") : ""}\n`,
    );
    if (json) streams.stdout(errorDocument("INTERNAL", message));
    return 1;
  }
}
