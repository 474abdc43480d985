// The real service over the real seeds, built once per test file.
import path from "node:path";
import type { DroppedCitation } from "../../src/answer/quote-check.ts";
import { createThesisService } from "../../src/answer/service.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";

export const SEEDS = path.join(PACKAGE_ROOT, "seeds");

export async function seedsService(): Promise<{
  ledger: Ledger;
  thesis: ThesisService;
  dropped: DroppedCitation[];
}> {
  const ledger = await buildLedger(SEEDS);
  const dropped: DroppedCitation[] = [];
  const thesis = createThesisService(ledger, { onDroppedCitation: (d) => dropped.push(d) });
  return { ledger, thesis, dropped };
}
