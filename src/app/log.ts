// The process log: one line per event on stderr (stdout belongs to the console's replies),
// filtered by LOG_LEVEL. Stacks are shown at debug level only.
import type { Config } from "../config.ts";

const LEVELS = ["trace", "debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

export interface AppLog {
  /** Routine detail, such as why a malformed request was refused (LOG_LEVEL=debug). */
  debug(message: string): void;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

export function createAppLog(
  level: Config["LOG_LEVEL"],
  write: (line: string) => void = (line) => process.stderr.write(line),
): AppLog {
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
