// The whole-name rule: a target named by an everyday word keeps the user's noun phrase.
import { describe, expect, it } from "vitest";
import { wholeName } from "../../src/answer/whole-name.ts";
import type { Claim } from "../../src/corpus/types.ts";

const claims = (texts: string[]) => texts.map((text) => ({ text }) as Claim);
const saying = (phrase: string, n: number, other = "Some act was passed.") =>
  claims([...Array.from({ length: n }, (_, i) => `Claim ${i} about the ${phrase}.`), other]);

describe("wholeName", () => {
  it("grows an everyday word into the user's phrase that the claims say", () => {
    expect(wholeName("American Jobs Act", "Act", saying("American Jobs Act", 5))).toBe(
      "american jobs act",
    );
  });

  it("joins across one grammar word ('freedom of speech')", () => {
    expect(wholeName("freedom of speech", "freedom", saying("freedom of speech", 6))).toBe(
      "freedom of speech",
    );
  });

  it("keeps a rare word alone, and a phrase too few claims say", () => {
    expect(wholeName("hydroelectric dams", "dams", saying("hydroelectric dams", 9))).toBeNull();
    expect(wholeName("American Jobs Act", "Act", saying("American Jobs Act", 4))).toBeNull();
  });

  it("never grows over grammar words at the edge ('have children')", () => {
    expect(wholeName("have children", "children", saying("have children", 9))).toBeNull();
  });
});
