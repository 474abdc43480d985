// Discovered topics are things a corpus argues about: nouns and names, read with general
// English (SUBTLEX frequencies, WordNet's tagged senses), never with a list for one corpus.
import { describe, expect, it } from "vitest";
import { discoverTopics } from "../../src/corpus/topic-discovery.ts";

const article = (i: number) => ({
  text: [
    `The strategic subnet of validator ${i} earns emissions.`,
    "Each subnet pays its validators; the strategic value of a subnet is its emissions.",
    "Critics say the cheaper subnet wins, and the strategic case for a subnet rests on emissions.",
    "A subnet that models become part of is strategic.",
  ].join("\n"),
});

describe("topic discovery", () => {
  const topics = discoverTopics([article(1), article(2), article(3)], []);
  const keys = topics.map((t) => t.aliases[0]);

  it("keeps nouns the corpus uses far more than English does", () => {
    expect(keys).toContain("subnet");
    expect(keys).toContain("emissions");
  });

  it("leaves out adjectives and verb phrases, however often they stand after 'the'", () => {
    expect(keys).not.toContain("strategic");
    expect(keys).not.toContain("cheaper");
    expect(keys).not.toContain("models become");
  });
});
