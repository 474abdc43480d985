import { describe, expect, it } from "vitest";
import { isName, specificity } from "../../src/search/background.ts";
import { englishCorrection } from "../../src/search/spelling.ts";
import { isAmountNoun, isVerbOfDoing, nounShare, relatedWords } from "../../src/search/wordnet.ts";

describe("general-English knowledge", () => {
  it("weighs chat filler near nothing and names and rare words fully", () => {
    for (const filler of ["please", "actually", "main", "stuff"]) {
      expect(specificity(filler)).toBeLessThan(0.3);
    }
    for (const name of ["Solana", "Nvidia", "France", "dTAO"]) expect(specificity(name)).toBe(1);
    expect(specificity("talisman")).toBeGreaterThan(specificity("wallet"));
  });

  it("tells names and numbers from words of the language", () => {
    expect(isName("Solana")).toBe(true);
    expect(isName("France")).toBe(true);
    expect(isName("2022")).toBe(true);
    expect(isName("investing")).toBe(false);
    expect(isName("underpins")).toBe(false);
  });

  it("corrects slips to the everyday word meant, and leaves real words and names alone", () => {
    expect(englishCorrection("becuase")).toBe("because");
    expect(englishCorrection("jornalist")).toBe("journalist");
    expect(englishCorrection("deploymant")).toBe("deployment");
    expect(englishCorrection("investing")).toBeUndefined();
    expect(englishCorrection("Solana")).toBeUndefined();
    expect(englishCorrection("tao")).toBeUndefined();
  });

  it("reads a dictionary word people almost never say as the common word one slip away", () => {
    // "frist" is an old word, but typed in a question it is "first" mistyped.
    expect(englishCorrection("frist")).toBe("first");
    // A word people do say is never bent into a commoner neighbour.
    // A long slip no spoken word is near reads as the written word one edit away.
    expect(englishCorrection("unerpins")).toBe("underpins");
    expect(englishCorrection("opimizing")).toBe("optimizing");
    for (const word of ["investing", "staking", "piecemeal", "lawmakers", "halving"]) {
      expect(englishCorrection(word)).toBeUndefined();
    }
  });

  it("reads a word retyped with two slips as the word meant, but does not bend new names into words", () => {
    // Rare written words and two slips in a long word: retyped questions carry both.
    expect(englishCorrection("incummbents")).toBe("incumbents");
    expect(englishCorrection("westrren")).toBe("western");
    // Names the lists do not know stay names: near no word, or only near a rare name.
    for (const name of ["mainnet", "netuid", "solana", "huawei", "bittensor"]) {
      expect(englishCorrection(name)).toBeUndefined();
    }
  });

  it("finds words related in meaning in WordNet, through inflections", () => {
    expect(relatedWords("compensates")).toContain("recompense");
    expect(relatedWords("bans")).toContain("prohibition");
    expect(relatedWords("contradictory")).toContain("contradict");
    expect(relatedWords("bittensor")).toEqual([]);
  });

  it("knows how much of a word's use is as a noun, from WordNet's tagged senses", () => {
    expect(nounShare("strategic")).toBe(0);
    expect(nounShare("cheaper")).toBe(0);
    expect(nounShare("become")).toBe(0);
    // A form that is a word of its own is read as written, not as its verb's inflection.
    expect(nounShare("boxing")).toBe(1);
    expect(nounShare("matters")).toBeGreaterThan(0.5);
    expect(nounShare("bittensor")).toBeUndefined();
  });

  it("tells verbs of doing from verbs of knowing, saying and perceiving", () => {
    for (const verb of ["register", "bridge", "stake", "buy", "install", "deploy"]) {
      expect(isVerbOfDoing(verb)).toBe(true);
    }
    for (const verb of ["know", "think", "explain", "see", "understand"]) {
      expect(isVerbOfDoing(verb)).toBe(false);
    }
    expect(isVerbOfDoing("bittensor")).toBeUndefined();
  });

  it("knows nouns that name amounts from WordNet's hypernyms", () => {
    for (const noun of ["price", "fee", "cost", "supply", "rate", "revenue"]) {
      expect(isAmountNoun(noun)).toBe(true);
    }
    for (const noun of ["risk", "strategy", "model", "advantage", "bittensor"]) {
      expect(isAmountNoun(noun)).toBe(false);
    }
  });
});
