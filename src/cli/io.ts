// What a CLI command gets and gives: parsed flags in, a JSON document and its human
// rendering out. Commands never print; the runner decides which form to write.

import type { CorpusView } from "../answer/corpus-view.ts";
import type { ThesisService } from "../answer/types.ts";
import type { StagedProgress } from "../app/open-thesis.ts";
import type { Config } from "../config.ts";
import type { OpenedLedger } from "../corpus/index-file.ts";
import type { Ledger } from "../corpus/ledger.ts";

export interface CliInput {
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  config: Config;
  /** Opens (and if needed builds) the ledger once per run. */
  ledger: () => Promise<Ledger>;
  /** The same, with the articles' texts as they are on disk (for a live corpus). */
  corpus: () => Promise<OpenedLedger>;
  /** Progress and warnings (stdout stays the result alone). */
  stderr: (text: string) => void;
  /** The progress callback of a stage of indexing (a bar on a terminal, else a line). */
  progress: StagedProgress;
  /** The answer service over that ledger, built once per run. */
  thesis: () => Promise<ThesisService>;
  /** Lookups and the quote check over that ledger, without the search index `thesis` builds. */
  corpusView: () => Promise<CorpusView>;
  /** Citations the quote check has refused so far in this run (each was also logged). */
  droppedQuotes: () => number;
}

export interface CliOutput {
  json: unknown;
  text: string;
  /** Non-zero for "nothing found" style outcomes a script may want to branch on. */
  exitCode?: number;
  /** A failure already reported on stderr; under --json it replaces `json` on stdout. */
  error?: { code: string; message: string };
}

export { CliUsageError } from "../lib/usage-error.ts";

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Flags that take a value (others are booleans). */
  valueFlags?: string[];
  run(input: CliInput): Promise<CliOutput>;
}
