import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSearchIndex } from "../../src/search/engine.ts";
import type { SearchDocument } from "../../src/search/types.ts";

// The real seed articles, one document per non-empty line: a small realistic corpus.
const seedsDir = path.join(import.meta.dirname, "../../seeds");
const seedLines: SearchDocument[] = readdirSync(seedsDir)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .flatMap((name) =>
    readFileSync(path.join(seedsDir, name), "utf8")
      .split("\n")
      .map((text, index) => ({ id: `${name}:${index + 1}`, text }))
      .filter((doc) => doc.text.trim().length > 0),
  );
const seeds = createSearchIndex(seedLines);
const textOf = (id: string | undefined): string => {
  const text = seedLines.find((doc) => doc.id === id)?.text ?? "";
  return typeof text === "string" ? text : text.join(" ");
};

describe("search over the seed corpus", () => {
  it("finds the passage a real question is about, with high confidence", () => {
    const [top] = seeds.search("Why does distribution usually win?");
    expect(textOf(top?.id)).toContain("distribution usually wins");
    expect(top?.confidence).toBeGreaterThan(0.9);
  });

  it("gives low confidence to questions the corpus cannot answer", () => {
    for (const question of [
      "What is the capital of France?",
      "How do I change a bicycle tire?",
      "Best recipe for banana bread",
    ]) {
      const best = Math.max(0, ...seeds.search(question).map((hit) => hit.confidence));
      expect(best, question).toBeLessThan(0.5);
    }
    expect(seeds.search("what is the")).toEqual([]);
  });

  it("tolerates typos in words the corpus does not contain", () => {
    const [top] = seeds.search("exprot controlls");
    expect(textOf(top?.id).toLowerCase()).toContain("export controls");
    expect(seeds.analyze("exprot").groups[0]?.terms.map((t) => t.term)).toEqual(["export"]);
  });

  it("does not 'correct' words the corpus already knows or short words", () => {
    expect(seeds.analyze("export").groups[0]?.terms.map((t) => t.term)).toEqual(["export"]);
    expect(seeds.analyze("tire").unknown).toEqual(["tire"]);
  });

  it("reads a rare word one slip from a commoner word of the corpus as that slip", () => {
    // "wallers" and "looses" are dictionary words, but people say "wallets" and "loses".
    expect(seeds.analyze("wallers").groups[0]?.terms.map((t) => t.term)).toEqual(["wallet"]);
    expect(seeds.analyze("looses").groups[0]?.terms.map((t) => t.term)).toEqual(["lose"]);
    // A word people do say is left as typed, whatever the corpus holds near it.
    expect(seeds.analyze("fees").groups[0]?.terms.map((t) => t.term)).not.toContain("feel");
    // A word no list has is a name, not a slip for a word it resembles.
    expect(seeds.analyze("nvda").unknownNames).toEqual(["nvda"]);
  });

  it("expands caller-provided aliases", () => {
    const aliases = { bittensor: ["tao"], "open weight": ["open-source"] };
    const hits = seeds.search("bittensor bull case", { aliases });
    expect(textOf(hits[0]?.id)).toBe("The Bull Case for $TAO");
    expect(hits[0]?.confidence).toBe(1);
    const without = seeds.search("bittensor bull case");
    expect(without[0]?.confidence).toBeLessThan(1);
  });

  it("lets an alias stand in for a word the corpus never uses", () => {
    const index = createSearchIndex(
      [
        { id: "kimi", text: "Kimi is a model released by Moonshot." },
        { id: "other", text: "DeepSeek released another model." },
      ],
      { aliases: { kimmy: ["kimi"] } },
    );
    const [top] = index.search("what is kimmy");
    expect(top?.id).toBe("kimi");
    expect(top?.confidence).toBe(1);
  });
});

describe("ranking", () => {
  it("ranks title matches above body matches", () => {
    const index = createSearchIndex([
      { id: "body", text: "The report mentions tokenomics once among many other subjects here." },
      { id: "title", title: "Tokenomics", text: "The report covers many other subjects here too." },
    ]);
    expect(index.search("tokenomics")[0]?.id).toBe("title");
  });

  it("prefers documents where the query words stand together", () => {
    const index = createSearchIndex([
      {
        id: "apart",
        text: "Export volumes grew fast. Meanwhile quality control in factories slipped badly.",
      },
      {
        id: "together",
        text: "Export controls grew fast. Meanwhile volumes in factories and quality slipped badly.",
      },
    ]);
    const hits = index.search("export controls");
    expect(hits.map((hit) => hit.id)).toEqual(["together", "apart"]);
    const flat = index.search("export controls", { proximity: { weight: 0 } });
    expect(flat[0]!.score).toBeCloseTo(flat[1]!.score, 6);
  });

  it("never returns excluded ids and rejects duplicate ids at build time", () => {
    const docs = [
      { id: "a", text: "compute denial" },
      { id: "b", text: "compute denial strategy" },
    ];
    const index = createSearchIndex(docs);
    expect(index.search("compute denial", { excludeIds: new Set(["a"]) }).map((h) => h.id)).toEqual(
      ["b"],
    );
    expect(() => createSearchIndex([...docs, { id: "a", text: "again" }])).toThrow(/twice/);
  });
});
