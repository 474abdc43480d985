// A ledger claim as the JSON documents show it (`quote --json`, `claims --json`; docs/CLI.md):
// the public field names, whatever the ledger calls them inside.
import type { Claim } from "../corpus/types.ts";

export function claimJson(c: Claim) {
  return {
    id: c.id,
    text: c.text,
    file: c.file,
    lines: c.lines,
    offsets: c.offsets,
    section: c.section,
    kind: c.kind,
    stance: c.stances,
    topics: c.topics,
    hedged: c.hedged,
  };
}
