import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createThesisService } from "../../src/answer/service.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";
import type { Citation } from "../../src/corpus/types.ts";
import { seedsService } from "./seeds-service.ts";

let ledger: Ledger;
let thesis: ThesisService;
beforeAll(async () => {
  ({ ledger, thesis } = await seedsService());
});

/** The stance the ledger gives the claim a citation quotes, toward a topic. */
function stanceOf(citation: Citation, topic: string): string | undefined {
  const claim = ledger.claims.find((c) => c.file === citation.file && c.text === citation.quote);
  return claim?.stances[topic];
}

describe("bullbear on the seeds", () => {
  it.each([
    ["TAO", "tao"],
    ["Chinese open-source AI", "chinese-open"],
    ["closed frontier models", "closed-frontier"],
  ])("%s: every pair is a bullish claim set against a bearish one", (input, topic) => {
    const result = thesis.bullbear(input);
    expect(result.topic).toBe(topic);
    expect(result.pairs.length).toBeGreaterThanOrEqual(2);
    for (const { bull, bear } of result.pairs) {
      expect(bull && stanceOf(bull, topic), bull?.quote).toBe("bull");
      expect(bear && stanceOf(bear, topic), bear?.quote).toBe("bear");
    }
    const bears = result.pairs.map((p) => p.bear?.quote);
    expect(new Set(bears).size).toBe(bears.length);
  });

  it("sets $TAO's upside against the risks its own article lists", () => {
    const bears = thesis.bullbear("TAO").pairs.map((p) => p.bear?.quote ?? "");
    expect(bears.some((q) => /^(First|Second|Third|Fourth|Fifth),/.test(q))).toBe(true);
  });

  it("returns nothing for an unknown topic", () => {
    expect(thesis.bullbear("France").pairs).toEqual([]);
  });
});

describe("bullbear with one side missing", () => {
  it("says so plainly with a null side instead of inventing a counter", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "thesis-bullbear-"));
    await writeFile(
      path.join(dir, "qwen.txt"),
      "Qwen keeps winning developers across Asia and Europe this year.\nQwen is growing faster than any other open model family.\n",
    );
    const oneSided = createThesisService(await buildLedger(dir));
    const { pairs } = oneSided.bullbear("Qwen");
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(pair.bull?.quote).toMatch(/^Qwen/);
      expect(pair.bear).toBeNull();
    }
    await rm(dir, { recursive: true, force: true });
  });
});
