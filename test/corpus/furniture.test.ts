import { describe, expect, it } from "vitest";
import { findFurniture } from "../../src/corpus/furniture.ts";

const marked = (lines: string[]) => [...findFurniture(lines).lines].sort((a, b) => a - b);

describe("findFurniture", () => {
  it("marks tickers, ads, trust widgets, vote counters and timestamps, and keeps the article", () => {
    const lines = [
      "BTC $58,633.77 -1.40%",
      "ETH $1,564.67 -0.17%",
      "Markets Wobble as Chips Get Scarce",
      "Community Trust ScoreVerified",
      "94%",
      "Real",
      "Verified16 votes",
      "Updated 3 hours ago",
      "Chip makers say supply will stay tight through next year, according to three executives.",
      "Advertisement",
      "Real94%6%Fake",
      "16 community signals",
      "Related Stories",
    ];
    expect(marked(lines)).toEqual([1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13]);
  });

  it("marks a repeated title even when its quote marks differ, but not the first one", () => {
    const lines = [
      "China’s Push Puts Investors on Edge",
      "",
      "China's Push Puts Investors on Edge",
      "A real sentence that is long enough to be body text for sure.",
    ];
    expect(marked(lines)).toEqual([3]);
  });

  it("marks newsletter blurbs and a kicker label above the title", () => {
    const lines = [
      "Get your free personalized podcast brief",
      "We scan new podcasts and send you the top 5 insights daily.",
      "Technology",
      "The United States lacks a coherent national strategy for open-source AI, while China ships models.",
    ];
    expect(marked(lines)).toEqual([1, 2, 3]);
  });

  it("marks an author bio and its name line, and reads the author and outlet from it", () => {
    const body = Array.from(
      { length: 6 },
      (_, i) => `Body sentence number ${i} says something substantive about markets.`,
    );
    const result = findFurniture([
      ...body,
      "Sakamoto Nashi",
      "Nashi Sakamoto is a dedicated crypto journalist from the Virgin Islands who brings expert analysis to The Currency Analytics.",
    ]);
    expect([...result.lines].sort()).toEqual([7, 8]);
    expect(result.author).toBe("Nashi Sakamoto");
    expect(result.outlet).toBe("The Currency Analytics");
  });

  it("keeps disclaimers and risk warnings: they are claims", () => {
    const lines = [
      "A long opening sentence of the article that clearly counts as body text here.",
      "Risk Warning",
      "Cryptocurrency investment carries high risks. You may lose all your principal.",
      "Disclaimer: This is not financial advice. Do your own research.",
    ];
    expect(marked(lines)).toEqual([]);
  });
});
