// Failures a person can fix, as one sentence with a stable code (for --json) and an exit
// code: 2 when the command line is wrong (what was typed, or a file or folder it names),
// 1 when the environment is (variables, CORPUS_DIR, DATA_DIR, Redis, the SQLite files, the
// index, the port). Anything else is a bug and keeps its stack.
import { SlackSetupError } from "../adapters/slack/index.ts";
import { ConfigError } from "../config.ts";
import { IndexVersionError } from "../corpus/index-file.ts";
import { BeirDataError } from "../eval/index.ts";
import { CliUsageError } from "../lib/usage-error.ts";
import { StoreVersionError } from "../store/index.ts";
import { RedisUnavailableError } from "../store/redis-connection.ts";
import { UnreadableDatabaseError } from "../store/sqlite-file.ts";
import { PathSetupError } from "./paths.ts";

export interface DescribedError {
  /** Stable, for scripts: the `error.code` of a --json error document. */
  code: string;
  /** One sentence, saying what to do. */
  message: string;
  exitCode: 1 | 2;
}

const KNOWN: [new (...args: never[]) => Error, string, 1 | 2][] = [
  [CliUsageError, "USAGE", 2],
  [BeirDataError, "BAD_BEIR_DIR", 2],
  [ConfigError, "CONFIG", 1],
  [PathSetupError, "PATH", 1],
  [IndexVersionError, "INDEX_TOO_NEW", 1],
  [StoreVersionError, "STORE_TOO_NEW", 1],
  [RedisUnavailableError, "REDIS_UNAVAILABLE", 1],
  [UnreadableDatabaseError, "SQLITE_UNREADABLE", 1],
  [SlackSetupError, "SLACK_SETUP", 1],
];

export function describeError(error: unknown): DescribedError | null {
  for (const [type, code, exitCode] of KNOWN) {
    if (error instanceof type) {
      const specific = (error as { code?: unknown }).code;
      return {
        code: typeof specific === "string" ? specific : code,
        message: error.message,
        exitCode,
      };
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // Node's parser adds a second sentence about "--" that rarely applies: keep the first.
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))
    return { code: "USAGE", message: message.split(/(?<=\.)\s/)[0] ?? message, exitCode: 2 };
  if (code === "EADDRINUSE")
    return {
      code: "PORT_IN_USE",
      message: `The port is already in use (${message}): set PORT to a free one.`,
      exitCode: 1,
    };
  if (code === "EACCES")
    return {
      code: "PERMISSION",
      message: `Permission denied (${message}): check DATA_DIR, CORPUS_DIR and PORT.`,
      exitCode: 1,
    };
  return null;
}
