// What a failed reply tells a script. A chat user reads the reply; a script (the CLI's --json,
// its exit code) needs a stable code, so a reply for something the user got wrong carries
// `{ error: { code, message } }` as its `data`: that is the CLI's --json error document.
import type { Reply } from "../src/reply/reply.ts";

export interface ErrorDocument {
  error: { code: string; message: string };
}

/** The `data` of a reply the user can fix, e.g. `errorDocument("UNKNOWN_CLAIM", "No claim…")`. */
export function errorDocument(code: string, message: string): ErrorDocument {
  return { error: { code, message } };
}

function isErrorDocument(data: unknown): data is ErrorDocument {
  const error = (data as Partial<ErrorDocument> | null | undefined)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/**
 * The failure a reply reports, or undefined when it answered (an empty answer included): the
 * error document it carries, else for a usage or error reply code USAGE with its summary.
 */
export function failureOf(reply: Reply): ErrorDocument["error"] | undefined {
  if (isErrorDocument(reply.data)) return reply.data.error;
  if (reply.kind === "usage" || reply.kind === "error")
    return { code: "USAGE", message: reply.summary ?? reply.title };
  return undefined;
}
