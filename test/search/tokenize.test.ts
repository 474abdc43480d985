import { describe, expect, it } from "vitest";
import { analyze, terms } from "../../src/search/tokenize.ts";

describe("tokenization", () => {
  it("reads tickers, acronyms, ranges and hyphenated words the way people mean them", () => {
    expect(terms("$TAO")).toEqual(["tao"]);
    expect(terms("the U.S. government")).toEqual(["us", "govern"]);
    expect(terms("US export controls")).toEqual(["us", "export", "control"]);
    expect(terms("reach 90–97% of quality")).toEqual(["reach", "90", "97", "qualiti"]);
    expect(terms("open-weight models")).toEqual(["open", "weight", "model"]);
  });

  it("treats curly and straight apostrophes alike and drops the possessive", () => {
    expect(terms("China’s strategy")).toEqual(terms("China's strategy"));
    expect(terms("China’s")).toEqual(["china"]);
    expect(terms("what's happening")).toEqual(["happen"]);
  });

  it("stems inflections to one term and removes stopwords", () => {
    expect(terms("training trained trains")).toEqual(["train", "train", "train"]);
    expect(terms("the models are in the cloud")).toEqual(["model", "cloud"]);
    expect(terms("us and them")).toEqual([]);
  });

  it("never confuses the verb 'use' with the country 'US', and joins irregular verb forms", () => {
    expect(terms("China uses AI, used it, will use it")).not.toContain("us");
    expect(terms("the US and the U.S.")).toEqual(["us", "us"]);
    expect(terms("drove driven drives")).toEqual(["drive", "drive", "drive"]);
  });

  it("keeps prices and decimals as single numbers", () => {
    expect(terms("BTC $58,633.77 -1.40%")).toEqual(["btc", "58633.77", "1.40"]);
  });

  it("remembers the written form next to the term", () => {
    expect(analyze("Distribution")).toEqual([{ term: "distribut", surface: "distribution" }]);
  });
});
