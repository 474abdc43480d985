// How commands hand passages to a reply: headings folded, the lead found inside passage 1.
import { describe, expect, it } from "vitest";
import { findLead, foldHeadings, isHeadingPassage } from "../../commands/passages.ts";
import type { ReplyCitation } from "../../src/reply/reply.ts";

const passage = (quote: string, lines: [number, number], file = "seeds/a.txt"): ReplyCitation => ({
  file,
  lines,
  quote,
  title: "A",
});

describe("heading-only passages", () => {
  it("tells a section heading from a passage, a lead-in ending in ':' included", () => {
    expect(isHeadingPassage("Why $TAO Matters")).toBe(true);
    expect(isHeadingPassage("The Bear Case for Bittensor\nIt may fail.")).toBe(true);
    expect(isHeadingPassage("It may fail. Token price is not thesis quality.")).toBe(false);
    expect(
      isHeadingPassage("If that happens, $TAO sits at the intersection of three trends:\nOpen AI."),
    ).toBe(false);
  });

  it("folds a heading into the passage right below it, which takes the heading's rank", () => {
    const heading = passage("Why $TAO Matters", [40, 40]);
    const other = passage("Closed models still lead.", [10, 10]);
    const below = passage("Bittensor is a market for intelligence.", [42, 43]);
    const shown = foldHeadings([heading, other, below]);
    expect(shown.map((c) => c.quote)).toEqual([below.quote, other.quote]);
    expect(shown[0]?.section).toBe("Why $TAO Matters");
  });

  it("leaves out a heading whose passage is not shown, unless nothing else is", () => {
    const heading = passage("Why $TAO Matters", [40, 40]);
    const far = passage("Closed models still lead.", [90, 90]);
    expect(foldHeadings([heading, far])).toEqual([far]);
    expect(foldHeadings([heading])).toEqual([heading]);
    // Same lines, other file: not the passage it heads.
    const elsewhere = passage("Bittensor is a market.", [41, 41], "seeds/b.txt");
    expect(foldHeadings([heading, elsewhere])).toEqual([elsewhere]);
  });
});

describe("the lead inside passage 1", () => {
  it("is found across the quote's own line breaks and spacing", () => {
    const quote =
      "China owns distribution.\nAnd in technology,  distribution\nusually wins. Not always.";
    const at = findLead(quote, "And in technology, distribution usually wins.");
    expect(at && quote.slice(...at)).toBe("And in technology,  distribution\nusually wins.");
    expect(findLead(quote, "Something else entirely.")).toBeUndefined();
    expect(findLead("Costs (a lot) fell [1].", "Costs (a lot) fell [1].")).toEqual([0, 23]);
  });
});
