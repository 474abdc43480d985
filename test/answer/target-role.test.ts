// Whether a claim's target is the subject of a clause or named in passing.
import { describe, expect, it } from "vitest";
import { targetIsSubject } from "../../src/answer/target-role.ts";

const at = (text: string, name: string) => {
  const start = text.toLowerCase().indexOf(name);
  return [{ start, end: start + name.length }];
};

describe("targetIsSubject", () => {
  it("finds the target as a clause's subject, its noun phrase included", () => {
    const tobacco = "Tobacco is the single greatest cause of preventable death.";
    expect(targetIsSubject(tobacco, at(tobacco, "tobacco"))).toBe(true);
    const dams = "Dam failures are rare, but can cause immense damage.";
    expect(targetIsSubject(dams, at(dams, "dam"))).toBe(true);
  });

  it("does not take a target inside a prepositional phrase for the subject", () => {
    const leaves = "This produces certain compounds in the tobacco leaves.";
    expect(targetIsSubject(leaves, at(leaves, "tobacco"))).toBe(false);
    expect(targetIsSubject("No mention here.", [])).toBe(false);
  });
});
