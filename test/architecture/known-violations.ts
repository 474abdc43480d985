// Exceptions to the boundary rules in .dependency-cruiser.cjs: none. The lists stay as the one
// place an exception would have to be written down, naming who removes it; the boundary test
// fails on any violation not listed here and on any entry that no longer occurs.

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
export const knownViolations: KnownViolation[] = [];

/**
 * Cycles between top-level folders known today, as the folders in the cycle (sorted), each to
 * be removed by the one named. Same rule as above: unlisted cycles and stale entries fail.
 */
export const knownFolderCycles: KnownFolderCycle[] = [];
