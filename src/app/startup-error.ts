// Start-up failures a person can fix get one sentence, no stack trace.
import { SlackSetupError } from "../adapters/slack/index.ts";
import { ConfigError } from "../config.ts";
import { IndexVersionError } from "../corpus/index-file.ts";
import { StoreVersionError } from "../store/index.ts";

export function startupErrorMessage(error: unknown): string | null {
  if (
    error instanceof ConfigError ||
    error instanceof IndexVersionError ||
    error instanceof SlackSetupError ||
    error instanceof StoreVersionError
  ) {
    return error.message;
  }
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "EADDRINUSE")
    return `The port is already in use (${message}). Set PORT to a free one.`;
  if (code === "ENOENT" && /corpus|seeds/i.test(message))
    return `The corpus folder is missing (${message}). Set CORPUS_DIR to a folder of .txt articles.`;
  if (code === "EACCES") return `Permission denied (${message}). Check DATA_DIR and PORT.`;
  return null;
}
