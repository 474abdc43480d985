// Today's exceptions to the boundary rules in .dependency-cruiser.cjs, each naming who removes
// it (issue 13). The integrator empties both lists; nothing may be added to them.

export interface KnownViolation {
  /** A rule name in .dependency-cruiser.cjs. */
  rule: string;
  /** The importing file. */
  from: string;
  /** The start of the imported path. */
  to: string;
  removedBy: string;
}

export interface KnownFolderCycle {
  /** The top-level folders in the cycle. */
  folders: string[];
  removedBy: string;
}

/**
 * Violations known today, each to be removed by the one named; the boundary test fails on any
 * violation not listed here and on any entry that no longer occurs, so this list only shrinks.
 * `from` is the importing file, `to` the start of the imported path.
 */
export const knownViolations: KnownViolation[] = [
  {
    rule: "slack-sdk-only-in-slack-adapter",
    from: "src/app/posters.ts",
    to: "node_modules/@slack/",
    removedBy: "integrator: posters go behind the ChatAdapter in src/adapters/slack (src/bot)",
  },
  {
    rule: "discord-sdk-only-in-discord-adapter",
    from: "src/app/posters.ts",
    to: "node_modules/discord.js/",
    removedBy: "integrator: posters go behind the ChatAdapter in src/adapters/discord (src/bot)",
  },
];

/**
 * Cycles between top-level folders known today, as the folders in the cycle (sorted), each to
 * be removed by the one named. Same rule as above: unlisted cycles and stale entries fail.
 */
export const knownFolderCycles: KnownFolderCycle[] = [
  {
    folders: ["src/app", "src/cli"],
    removedBy:
      "integrator: src/app/startup-error.ts imports CliUsageError from src/cli/io.ts while src/cli/serve-command.ts runs src/app/run.ts; describeError belongs with the CLI (or the error below both)",
  },
];
