// The fast path of sentence splitting answers only when every boundary is beyond doubt;
// wherever it answers, it must split exactly as the model (wink-nlp) does.
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger } from "../../src/corpus/ledger.ts";
import { modelSplit, plainSplit, splitSentences } from "../../src/corpus/sentences.ts";

describe("sentence splitting", () => {
  it("splits every seed paragraph exactly as the model does", async () => {
    const ledger = await buildLedger(path.join(PACKAGE_ROOT, "seeds"));
    let fast = 0;
    for (const { text } of ledger.paragraphs) {
      const plain = plainSplit(text);
      if (plain === null) continue;
      fast++;
      expect(plain, text).toEqual(modelSplit(text));
    }
    expect(fast).toBeGreaterThan(ledger.paragraphs.length / 2);
  });

  it("agrees with the model on random prose full of abbreviations, acronyms, figures and quotes", () => {
    const word = fc.constantFrom(
      "markets",
      "the",
      "U.S.",
      "Dr.",
      "e.g.",
      "AI",
      "China",
      "2025",
      "97%",
      "$58,633.77",
      "GPT-5.6",
      "Mr.",
      "Inc.",
      "models",
      "“open",
      "source”",
      "cheap",
      "No.",
      "5",
      "Qwen",
      "labs",
      "U.K.",
      "Jan.",
      "St.",
      "a.m.",
      "etc.",
      "vs.",
      "i.e.",
      "NATO",
      "Co.",
      "In",
    );
    const sentence = fc
      .tuple(
        fc.constantFrom("The", "China", "“Why", "In", "U.S.", "$TAO", "Open", "A", "I"),
        fc.array(word, { maxLength: 10 }),
        fc.constantFrom(".", "!", "?", ".”", "?”", "…"),
      )
      .map(([first, words, end]) => `${[first, ...words].join(" ")}${end}`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (sentences) => {
        const text = sentences.join(" ");
        const plain = plainSplit(text);
        if (plain !== null) expect(plain).toEqual(modelSplit(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("hands doubtful boundaries to the model", () => {
    expect(plainSplit("He met Dr. Smith there. Then he left.")).toBeNull();
    expect(splitSentences("He met Dr. Smith there. Then he left.").length).toBe(2);
  });
});
