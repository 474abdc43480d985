import { describe, expect, it } from "vitest";
import { mean, ndcgAt, percentile, recallAt, reciprocalRankAt } from "../../src/eval/metrics.ts";

const judged = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("nDCG@k", () => {
  it("is 1 for a perfect ranking, graded gains included", () => {
    expect(ndcgAt(["a", "b", "c"], judged({ a: 2, b: 1 }), 10)).toBe(1);
  });

  it("matches a hand-computed value for one relevant document at rank 2", () => {
    // DCG = 1 / log2(3); ideal = 1.
    expect(ndcgAt(["x", "a"], judged({ a: 1 }), 10)).toBeCloseTo(1 / Math.log2(3), 10);
  });

  it("uses linear graded gains with the ideal taken from all judgements", () => {
    // Ranking b (gain 1) then a (gain 2): DCG = 1 + 2/log2(3); ideal = 2 + 1/log2(3).
    const expected = (1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3));
    expect(ndcgAt(["b", "a"], judged({ a: 2, b: 1 }), 10)).toBeCloseTo(expected, 10);
    // A relevant document that was never retrieved still counts in the ideal.
    expect(ndcgAt(["a"], judged({ a: 1, z: 1 }), 10)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 10);
  });

  it("ignores documents beyond the cut-off and judged-irrelevant ones", () => {
    const ranking = ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "a"];
    expect(ndcgAt(ranking, judged({ a: 1 }), 10)).toBe(0);
    expect(ndcgAt(["zero"], judged({ zero: 0 }), 10)).toBe(0);
  });
});

describe("recall@k and MRR@k", () => {
  it("count the share of relevant documents found and the first relevant rank", () => {
    const relevance = judged({ a: 1, b: 1, c: 0 });
    expect(recallAt(["c", "a", "x"], relevance, 100)).toBe(0.5);
    expect(recallAt(["a", "b"], relevance, 1)).toBe(0.5);
    expect(reciprocalRankAt(["c", "x", "b"], relevance, 10)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRankAt(["c", "x"], relevance, 10)).toBe(0);
  });
});

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 50)).toBe(0);
    expect(mean([1, 2, 3])).toBe(2);
  });
});
