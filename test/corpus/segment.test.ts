import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";
import { splitSentences } from "../../src/corpus/sentences.ts";

let ledger: Ledger;
beforeAll(async () => {
  ledger = await buildLedger(path.join(PACKAGE_ROOT, "seeds"));
});

const headingsOf = (id: string) =>
  ledger.sections
    .filter((s) => s.file.includes(id) && s.heading !== null)
    .map((s) => [s.lines[0], s.heading]);

describe("segmentation of the seeds", () => {
  it("finds the headings of the $TAO article with their lines", () => {
    expect(headingsOf("000_")).toEqual([
      [1, "China Wins: Why Open-Source AI Becomes the Default — and Why $TAO Matters"],
      [26, "The U.S. Government Just Created Product-Market Fit for Open-Weight AI"],
      [52, "“China Wins” Does Not Mean America Loses Everything"],
      [67, "The Real Risk: America Wins Frontier AI but Loses Deployment"],
      [79, "Where $TAO Fits Into This Thesis"],
      [99, "$TAO Is a Bet on Open AI With Incentives"],
      [123, "The Bull Case for $TAO"],
      [143, "But This Is Not a Risk-Free Trade"],
      [165, "The Endgame: Permissioned AI vs. Open AI vs. Incentivized AI"],
    ]);
  });

  it("reads sentence-case headings and a risk warning as headings", () => {
    expect(headingsOf("003_").map(([line]) => line)).toEqual([1, 7, 14, 23, 30, 40, 48, 55, 62]);
    expect(headingsOf("001_")).toEqual([
      [10, "The Rise of Asymmetric Strategy: How Western Countries Break the Deadlock"],
      [15, "Risk Warning"],
    ]);
  });

  it("gives the news article's paragraphs their own lines, after the page furniture", () => {
    const paragraphs = ledger.paragraphs.filter((p) => p.file.includes("002_")).map((p) => p.lines);
    expect(paragraphs.slice(0, 4)).toEqual([
      [24, 24],
      [26, 26],
      [30, 30],
      [34, 34],
    ]);
    const sectionOfAdvert = ledger.sections.find(
      (s) => s.file.includes("002_") && s.heading === "U.S. Restrictions Spark Domestic AI Race",
    );
    expect(sectionOfAdvert?.lines).toEqual([28, 36]);
  });

  it("keeps every sentence's text equal to the file at its offsets, within its lines", () => {
    for (const doc of ledger.documents) {
      for (const p of ledger.paragraphs.filter((x) => x.file === doc.file)) {
        expect(doc.text.slice(p.offsets[0], p.offsets[1])).toBe(p.text);
        expect(doc.lineStarts[p.lines[0] - 1]).toBeLessThanOrEqual(p.offsets[0]);
      }
    }
  });
});

describe("splitSentences", () => {
  const split = (text: string) => splitSentences(text).map(([a, b]) => text.slice(a, b));

  it("does not break on abbreviations, ranges, version numbers, quotes or dashes", () => {
    expect(
      split(
        "Over the past weeks, the U.S. government has acted. OpenAI’s GPT-5.6 rollout is staged. " +
          "When open models reach 90–97% of closed quality, calculus changes. " +
          "Qwen, DeepSeek, Kimi — while Bittensor remains niche. He said: “Open source wins.” Then he left.",
      ),
    ).toEqual([
      "Over the past weeks, the U.S. government has acted.",
      "OpenAI’s GPT-5.6 rollout is staged.",
      "When open models reach 90–97% of closed quality, calculus changes.",
      "Qwen, DeepSeek, Kimi — while Bittensor remains niche.",
      "He said: “Open source wins.”",
      "Then he left.",
    ]);
  });
});
