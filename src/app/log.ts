// The process log on stderr (stdout belongs to the console's replies), filtered by
// LOG_LEVEL, in one of two forms (LOG_FORMAT):
//   text  one readable line per event, for a person at the console or the CLI; stacks at
//         debug level only.
//   json  one JSON object per line (pino), for a log pipeline when serving chat: level,
//         time, msg, the fields of the event and the request id of the interaction being
//         answered (src/lib/request-context.ts). Message text (questions, quotes) is never
//         logged at info level.
// pino rather than hand-written JSON: it serialises errors (message, stack, cause) and
// odd values safely and fast, and its line format is what log pipelines already parse.
import pino from "pino";
import type { Config } from "../config.ts";
import { currentRequestId } from "../lib/request-context.ts";

const LEVELS = ["trace", "debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];
export type LogFormat = "text" | "json";
/** Structured detail of an event (ids, counts, durations); the text form leaves it out. */
export type LogFields = Record<string, unknown>;

export interface AppLog {
  /** Routine detail, such as why a malformed request was refused (LOG_LEVEL=debug). */
  debug(message: string): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

export function createAppLog(
  level: Config["LOG_LEVEL"],
  write: (line: string) => void = (line) => process.stderr.write(line),
  format: LogFormat = "text",
): AppLog {
  return format === "json" ? jsonLog(level, write) : textLog(level, write);
}

function textLog(level: Level, write: (line: string) => void): AppLog {
  const min = LEVELS.indexOf(level);
  const detailed = min <= LEVELS.indexOf("debug");
  const emit = (at: Level, message: string, error?: unknown) => {
    if (LEVELS.indexOf(at) < min) return;
    let detail = "";
    if (error !== undefined) {
      detail =
        error instanceof Error
          ? `: ${detailed && error.stack ? error.stack : error.message}`
          : `: ${String(error)}`;
    }
    write(`${at === "info" ? "" : `${at}: `}${message}${detail}\n`);
  };
  return {
    debug: (message) => emit("debug", message),
    info: (message) => emit("info", message),
    warn: (message, error) => emit("warn", message, error),
    error: (message, error) => emit("error", message, error),
  };
}

function jsonLog(level: Level, write: (line: string) => void): AppLog {
  const logger = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    { write },
  );
  const withError = (error: unknown) =>
    error === undefined ? {} : { err: error instanceof Error ? error : { message: String(error) } };
  return {
    debug: (message) => logger.debug(message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, error) => logger.warn(withError(error), message),
    error: (message, error) => logger.error(withError(error), message),
  };
}
