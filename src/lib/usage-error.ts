// The command line is wrong (a missing argument, an unknown topic): said in one sentence,
// exit code 2. Below both the CLI that throws it and the start-up error table that maps it.

/** `code` names how the command line is wrong, for a --json error document. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
  constructor(
    message: string,
    readonly code = "USAGE",
  ) {
    super(message);
  }
}
