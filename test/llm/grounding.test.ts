// Grounding on its own, without a server: the rules that decide which model sentences a user
// may see, and the line arithmetic behind a narrowed quote.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCitation } from "../../src/answer/quote-check.ts";
import { groundAnswer, narrowCitation } from "../../src/llm/grounding.ts";
import { lookup, passages } from "./fixtures.ts";

const ground = (sentences: unknown[]) => groundAnswer({ sentences }, passages, lookup);

describe("groundAnswer", () => {
  it("narrows a quote that spans two lines to exactly those lines", () => {
    const result = ground([
      { text: "Both happened.", cites: [1], quote: "many benchmarks.\nDeepSeek released" },
    ]);
    const citation = result?.sentences[0]?.citations[0];
    expect(citation?.lines).toEqual([1, 2]);
    expect(citation && checkCitation(citation, lookup)).toBeNull();
  });

  it("accepts quotation marks only around words the cited passage contains", () => {
    const result = ground([
      { text: "Labs \u201cnow rival closed ones\u201d.", cites: [1] },
      { text: "Labs \u2018now beat closed ones\u2019.", cites: [1] },
      { text: "China\u2019s labs are competitive.", cites: [1] },
      { text: 'Critics say "export controls" matter.', cites: [1] },
    ]);
    expect(result?.sentences.map((s) => s.text)).toEqual([
      "Labs \u201cnow rival closed ones\u201d.",
      "China\u2019s labs are competitive.",
    ]);
    expect(result?.dropped.map((d) => d.reason)).toEqual([
      "quoted-text-not-in-passage",
      "quoted-text-not-in-passage",
    ]);
  });

  it("names why each sentence was dropped", () => {
    const result = ground([
      { text: "  ", cites: [1] },
      { text: "No source.", cites: [] },
      { text: "Passage zero.", cites: [0] },
      { text: "Made up.", cites: [2], quote: "chips are banned" },
    ]);
    expect(result?.dropped.map((d) => d.reason)).toEqual([
      "empty-text",
      "no-citation",
      "unknown-passage",
      "quote-not-in-passage",
    ]);
  });

  it("drops a sentence whose passage itself fails the quote check", () => {
    const forged = [{ ...passages[0]!, quote: "Open-weight models from Chinese labs now lead." }];
    const result = groundAnswer(
      { sentences: [{ text: "They lead.", cites: [1] }] },
      forged,
      lookup,
    );
    expect(result?.sentences).toEqual([]);
    expect(result?.dropped[0]?.reason).toBe("failed-quote-check");
  });

  it("rejects replies that do not have the agreed shape", () => {
    expect(groundAnswer({ answer: "yes" }, passages, lookup)).toBeNull();
    expect(
      groundAnswer({ sentences: [{ text: "x", cites: ["one"] }] }, passages, lookup),
    ).toBeNull();
    expect(groundAnswer(undefined, passages, lookup)).toBeNull();
  });
});

describe("narrowCitation", () => {
  it("turns every substring of a passage into a citation that passes the quote check", () => {
    fc.assert(
      fc.property(fc.constantFrom(...passages), fc.nat(), fc.nat(), (passage, a, b) => {
        const from = a % passage.quote.length;
        const to = from + 1 + (b % (passage.quote.length - from));
        const quote = passage.quote.slice(from, to);
        fc.pre(quote.trim() === quote && quote !== "");
        const narrowed = narrowCitation(passage, quote, passage.quote.indexOf(quote));
        expect(checkCitation(narrowed, lookup)).toBeNull();
      }),
    );
  });
});
