// Checks a digest's quote against the file on disk, read here rather than through the quote
// check under test: the quote must be the text of its file at its lines.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";

export function expectVerbatim(citation: { file: string; lines: [number, number]; quote: string }) {
  const text = readFileSync(path.join(PACKAGE_ROOT, citation.file), "utf8");
  const lines = text
    .split("\n")
    .slice(citation.lines[0] - 1, citation.lines[1])
    .join("\n");
  expect(lines).toContain(citation.quote);
}
