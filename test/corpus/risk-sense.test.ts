// A risk word counts only in the sense of a harm that may come (src/corpus/risk-sense.ts).
// The sentences are written for this test, in general English.
import { describe, expect, it } from "vitest";
import { raisesRisk } from "../../src/corpus/kind.ts";

describe("risk words by sense", () => {
  it.each([
    "Heavy rain raises the risk of floods in the valley.",
    "The bridge may fail under a heavy load.",
    "Farmers could lose their harvest to the drought.",
    "The city is vulnerable to earthquakes.",
    "The censorship mechanisms may silence critics.",
  ])("raises a risk: %s", (text) => {
    expect(raisesRisk(text)).toBe(true);
  });

  it.each([
    ["a noun modifier", "Insurers sort drivers into risk profiles by age."],
    ["a modifier, hyphenated", "The program served at-risk children in three towns."],
    ["a lessening verb before it", "Good drainage helps avoid flooding and the dangers of mould."],
    ["a lessening verb after it", "Price volatility was reduced when the market opened."],
    ["a risk one takes", "She took the risk of sailing alone."],
    ["no verb at all", "cultural aspects (media dependency, free speech, censorship)"],
  ])("is not a risk (%s): %s", (_, text) => {
    expect(raisesRisk(text)).toBe(false);
  });
});
