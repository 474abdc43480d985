// A corrupted quote cannot get out: an index whose copy of an article was altered still
// produces its citations, and every one that differs from the article on disk is dropped,
// reported, and never returned by any composer.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DroppedCitation } from "../../src/answer/quote-check.ts";
import { createThesisService } from "../../src/answer/service.ts";
import { buildLedger } from "../../src/corpus/ledger.ts";
import { SEEDS } from "./seeds-service.ts";

async function tamperedService() {
  const ledger = await buildLedger(SEEDS);
  const sourceTexts = new Map<string, string>();
  for (const doc of ledger.documents) {
    sourceTexts.set(doc.file, await readFile(path.join(SEEDS, path.basename(doc.file)), "utf8"));
  }
  // Same length, so every offset still lines up: only the words are wrong.
  const doc = ledger.documents.find((d) => d.file.includes("000_"))!;
  doc.text = doc.text.replace("And in technology, distribution", "And in accounting, distribution");
  for (const claim of ledger.claims) {
    if (claim.file === doc.file) claim.text = doc.text.slice(claim.offsets[0], claim.offsets[1]);
  }
  const dropped: DroppedCitation[] = [];
  const thesis = createThesisService(ledger, {
    sourceTexts,
    onDroppedCitation: (d) => dropped.push(d),
  });
  return { thesis, dropped };
}

describe("the quote check in every composer", () => {
  it("drops an altered passage from ask, and reports it", async () => {
    const { thesis, dropped } = await tamperedService();
    const answer = thesis.ask("Why does distribution usually win?", { limit: 5 });
    const shown = answer.citations.map((c) => c.quote).join("\n");
    expect(shown).not.toContain("accounting");
    expect(
      dropped.some(
        (d) =>
          d.citation.quote.includes("And in accounting, distribution") &&
          d.reason === "not-at-lines",
      ),
    ).toBe(true);
  });

  it("lets nothing altered out of quote, risks or bullbear either", async () => {
    const { thesis, dropped } = await tamperedService();
    const before = dropped.length;
    const outputs = [
      JSON.stringify(thesis.risks()),
      JSON.stringify(thesis.bullbear("TAO")),
      JSON.stringify(thesis.bullbear("open-weight")),
      JSON.stringify(thesis.ask("distribution wins", { limit: 10 })),
    ];
    for (const output of outputs) expect(output).not.toContain("accounting");
    expect(dropped.length).toBeGreaterThan(before);
  });
});
