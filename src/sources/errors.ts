// Every way adding a source can fail, each with one plain sentence a chat user can read.
// Commands show `message` as is; the CLI's --json also carries `code`.

export type SourceErrorCode =
  | "bad-url"
  | "private-address"
  | "unreachable"
  | "http-status"
  | "too-many-redirects"
  | "timed-out"
  | "too-large"
  | "pdf"
  | "not-text"
  | "no-article"
  | "duplicate-url"
  | "duplicate-text"
  | "unknown-source"
  | "not-removable"
  | "unavailable";

export class SourceError extends Error {
  override name = "SourceError";
  constructor(
    readonly code: SourceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
