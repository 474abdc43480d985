// Rank fusion and vector similarity for hybrid search, checked against hand-computed
// figures and a simple reference implementation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cosineSimilarity,
  rankBySimilarity,
  reciprocalRankFusion,
  reciprocalRankFusionScores,
} from "../../src/search/fusion.ts";

describe("reciprocalRankFusion", () => {
  it("puts a document both rankings like above one only a single ranking puts first", () => {
    const lexical = ["a", "b", "c"];
    const semantic = ["d", "b", "a"];
    expect(reciprocalRankFusion([lexical, semantic])).toEqual(["a", "b", "d", "c"]);
    const scores = reciprocalRankFusionScores([lexical, semantic]);
    expect(scores[0]?.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
  });

  it("breaks ties by first appearance and counts a duplicate at its best rank", () => {
    expect(
      reciprocalRankFusion([
        ["x", "y"],
        ["y", "x"],
      ]),
    ).toEqual(["x", "y"]);
    expect(reciprocalRankFusion([["x", "x", "y"]])).toEqual(["x", "y"]);
    expect(reciprocalRankFusion([])).toEqual([]);
  });

  it("matches a direct computation of the formula", () => {
    const ids = fc.constantFrom("a", "b", "c", "d", "e", "f");
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(ids)),
        fc.integer({ min: 1, max: 100 }),
        (rankings, k) => {
          const reference = new Map<string, number>();
          for (const ranking of rankings) {
            for (const [i, id] of ranking.entries()) {
              reference.set(id, (reference.get(id) ?? 0) + 1 / (k + i + 1));
            }
          }
          const fused = reciprocalRankFusionScores(rankings, k);
          expect(fused.map((r) => r.id).sort()).toEqual([...reference.keys()].sort());
          for (const { id, score } of fused) expect(score).toBeCloseTo(reference.get(id) ?? 0, 12);
          for (let i = 1; i < fused.length; i++) {
            expect(fused[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(fused[i]?.score ?? 0);
          }
        },
      ),
    );
  });
});

describe("cosineSimilarity", () => {
  it("is 1 for parallel, 0 for orthogonal and -1 for opposite vectors", () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1, 12);
  });

  it("is 0 for zero vectors and mismatched lengths instead of NaN", () => {
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(cosineSimilarity([1, 2], [1, 2, 3])).toBe(0);
  });

  it("ranks ids by similarity to a query", () => {
    const vectors = new Map([
      ["far", [0, 1]],
      ["near", [1, 0.1]],
      ["middle", [1, 1]],
    ]);
    expect(rankBySimilarity([1, 0], vectors)).toEqual(["near", "middle", "far"]);
  });
});
