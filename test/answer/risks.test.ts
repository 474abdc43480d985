import { beforeAll, describe, expect, it } from "vitest";
import type { RiskEntry, ThesisService } from "../../src/answer/types.ts";
import type { Ledger } from "../../src/corpus/ledger.ts";
import { seedsService } from "./seeds-service.ts";

let ledger: Ledger;
let thesis: ThesisService;
let risks: RiskEntry[];
beforeAll(async () => {
  ({ ledger, thesis } = await seedsService());
  risks = thesis.risks().risks;
});

const cited = (entry: RiskEntry) => entry.citations.map((c) => c.quote).join("\n");
const entryCiting = (pattern: RegExp) => risks.filter((r) => pattern.test(cited(r)));

describe("the risk register of the seeds", () => {
  it("covers every distinct risk the articles raise, each once", () => {
    const expected: [string, RegExp][] = [
      [
        "China can win open-weight AI without $TAO",
        /First, China can win open-weight AI without \$TAO/,
      ],
      [
        "incentive design is an experiment / can be gamed",
        /incentive design is still an experiment/,
      ],
      ["crypto UX is a barrier", /crypto UX is still a barrier/],
      ["centralized cloud is still powerful", /centralized cloud is still powerful/],
      ["token price is not thesis quality", /token price is not the same as thesis quality/],
      [
        "censorship, security and trust liabilities of Chinese models",
        /censorship constraints, political filtering, security vulnerabilities/,
      ],
      ["political scrutiny", /increase scrutiny/],
      ["loss of principal in crypto", /You may lose all your principal/],
      ["uncertain outcome", /outcome of this AI race is uncertain/],
      ["dependence on closed models", /companies tolerate dependency risk/],
    ];
    for (const [name, pattern] of expected) expect(entryCiting(pattern), name).toHaveLength(1);
    // The five numbered $TAO risks stay five entries: one author's list is never merged.
    const numbered = risks.filter((r) => /^(?:First|Second|Third|Fourth|Fifth),/m.test(cited(r)));
    expect(numbered).toHaveLength(5);
  });

  it("merges the same risk raised by two sources into one entry citing both", () => {
    const [uncertain] = entryCiting(/outcome of this AI race is uncertain/);
    expect(uncertain?.sources).toBe(2);
    expect(cited(uncertain!)).toContain("Whether that bet pays off is genuinely uncertain.");
    const [trust] = entryCiting(/censorship constraints/);
    expect(trust?.sources).toBe(2);
    expect(cited(trust!)).toContain("DeepSeek model has built-in censorship mechanisms");
  });

  it("keeps apart risks that share a harm word but not what it befalls", () => {
    // "lose all your principal" (a crypto warning) and "lose diffusion" (a model's reach).
    const [principal] = entryCiting(/You may lose all your principal/);
    expect(cited(principal!)).not.toContain("still lose diffusion");
  });

  it("lists nothing that is not a risk", () => {
    // Each quoted passage starts with a claim the pipeline read as a risk.
    for (const entry of risks) {
      for (const c of entry.citations) {
        const opening = ledger.claims.find(
          (claim) => claim.file === c.file && c.quote.startsWith(claim.text),
        );
        expect(opening?.kind, c.quote).toBe("risk");
      }
    }
    const all = risks.map(cited).join("\n");
    for (const notARisk of [
      "lowers the barrier to entry",
      "physical failure, sensing noise",
      "becoming extremely dangerous",
      "I am not dismissing those concerns",
      "The risks are real.",
      "risk management strategy",
    ]) {
      expect(all, notARisk).not.toContain(notARisk);
    }
  });

  it("labels each risk in its sources' words, and counts sources", () => {
    const [taoWithoutTao] = entryCiting(/without \$TAO/);
    expect(taoWithoutTao?.label).toBe("China can win open-weight AI without $TAO");
    for (const entry of risks) {
      expect(entry.label.length).toBeLessThanOrEqual(112);
      expect(entry.sources).toBe(new Set(entry.citations.map((c) => c.file)).size);
    }
    expect(risks.map((r) => r.sources)).toEqual(
      [...risks.map((r) => r.sources)].sort((a, b) => b - a),
    );
  });

  it("filters by topic, alias included", () => {
    const tao = thesis.risks("Bittensor").risks;
    expect(tao.length).toBeGreaterThanOrEqual(5);
    expect(tao.some((r) => /censorship constraints/.test(cited(r)))).toBe(false);
    expect(thesis.risks("France").risks).toEqual([]);
  });
});
