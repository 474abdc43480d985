import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, fileLines, lineRange, linesInWords, oneLine } from "../../src/lib/text.ts";

describe("clip", () => {
  it("leaves text that fits alone", () => {
    expect(clip("short enough", 12)).toBe("short enough");
  });

  it("cuts at the last space and marks the cut", () => {
    expect(clip("Bittensor wants to become the market for machine intelligence", 30)).toBe(
      "Bittensor wants to become the…",
    );
  });

  it("cuts mid-word when no space falls in the second half, or when told to", () => {
    expect(clip("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
    expect(clip("open weights win", 10, { atWord: false })).toBe("open weig…");
  });

  it("never returns more than max characters, and keeps a prefix of the text", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 2, max: 200 }), (text, max) => {
        const clipped = clip(text, max);
        expect(clipped.length).toBeLessThanOrEqual(max);
        if (clipped !== text) {
          expect(clipped.endsWith("…")).toBe(true);
          expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});

describe("line ranges", () => {
  it("gives both ends for scripts and one line once for readers", () => {
    expect(lineRange([12, 14])).toBe("12-14");
    expect(lineRange([7, 7])).toBe("7-7");
    expect(fileLines("seeds/a.txt", [3, 4])).toBe("seeds/a.txt:3-4");
    expect(fileLines("seeds/a.txt", [3, 3])).toBe("seeds/a.txt:3-3");
    expect(linesInWords([3, 4])).toBe("lines 3–4");
    expect(linesInWords([3, 3])).toBe("line 3");
  });
});

describe("oneLine", () => {
  it("folds every run of white space into one space", () => {
    expect(oneLine("  a\n\tb  c \r\n")).toBe("a b c");
  });
});
