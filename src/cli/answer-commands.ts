// A citation as `digest` prints it: the quote on "> " lines, then its title, file and lines.
// Only the digest uses it now (ask, risks, bullbear and quote print the console's rendering);
// it goes when the digest moves to one renderer in src/digest.

import type { Citation } from "../corpus/types.ts";

export function citationText(c: Citation, indent = "  "): string {
  const quote = c.quote
    .split("\n")
    .map((line) => `${indent}> ${line}`)
    .join("\n");
  return `${quote}\n${indent}— ${c.title}, ${c.file}:${c.lines[0]}${c.lines[1] !== c.lines[0] ? `-${c.lines[1]}` : ""}`;
}
