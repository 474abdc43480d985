import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEARCH_DEFAULTS } from "../../src/search/defaults.ts";
import { createSearchIndex } from "../../src/search/engine.ts";
import { terms } from "../../src/search/tokenize.ts";

const WORDS = [
  "quazor",
  "blint",
  "morvex",
  "tandril",
  "gorb",
  "wilk",
  "yent",
  "plov",
  "drask",
  "krell",
];
const RARE = "xylophonist";

const corpusArbitrary = fc.array(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }),
  {
    minLength: 1,
    maxLength: 25,
  },
);

/** Textbook BM25 over one flat field, written for clarity rather than speed. */
function referenceScores(docs: string[][], query: string[]): Map<number, number> {
  const { k1, b } = SEARCH_DEFAULTS.bm25;
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length;
  const scores = new Map<number, number>();
  for (const term of query) {
    const df = docs.filter((doc) => doc.includes(term)).length;
    if (df === 0) continue;
    const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
    docs.forEach((doc, index) => {
      const tf = doc.filter((t) => t === term).length;
      if (tf === 0) return;
      const part = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * doc.length) / average));
      scores.set(index, (scores.get(index) ?? 0) + part);
    });
  }
  return scores;
}

describe("search engine properties", () => {
  it("returns the only document holding a unique rare term as the top hit", () => {
    fc.assert(
      fc.property(corpusArbitrary, fc.nat(), (words, pick) => {
        const target = pick % words.length;
        const docs = words.map((list, index) => ({
          id: `doc-${index}`,
          text: index === target ? [...list, RARE].join(" ") : list.join(" "),
        }));
        const hits = createSearchIndex(docs).search(RARE);
        expect(hits.map((hit) => hit.id)).toEqual([`doc-${target}`]);
        expect(hits[0]?.confidence).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it("scores like a textbook BM25 when proximity is off", () => {
    fc.assert(
      fc.property(
        corpusArbitrary,
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
        (words, queryWords) => {
          const docs = words.map((list, index) => ({ id: String(index), text: list.join(" ") }));
          const index = createSearchIndex(docs);
          const hits = index.search(queryWords.join(" "), {
            limit: docs.length,
            proximity: { weight: 0 },
            fuzzy: false,
          });
          const expected = referenceScores(
            docs.map((doc) => terms(doc.text)),
            terms(queryWords.join(" ")),
          );
          expect(hits).toHaveLength(expected.size);
          for (const hit of hits) expect(hit.score).toBeCloseTo(expected.get(Number(hit.id))!, 4);
          for (let i = 1; i < hits.length; i++) {
            expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
