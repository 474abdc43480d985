// An index changed by withDocuments ranks exactly as one built from scratch over the same
// documents: same hits, same scores, same confidence.
import { describe, expect, it } from "vitest";
import { createSearchIndex } from "../../src/search/index.ts";
import type { SearchDocument } from "../../src/search/types.ts";

const docs: SearchDocument[] = [
  {
    id: "a",
    title: "Validators",
    text: "Validators stake TAO to secure the subnet and earn emissions.",
  },
  {
    id: "b",
    title: "Export controls",
    text: "Export controls may slow Chinese labs, analysts warn.",
  },
  { id: "c", text: ["Open models spread quickly.", "Developers fine-tune open weights."] },
  { id: "d", title: "Emissions", text: "Emissions halve next year; miners may leave the subnet." },
];
const added: SearchDocument[] = [
  {
    id: "e",
    title: "Quokka",
    text: "The Quokka subnet drew new validators and miners in one week.",
  },
  {
    id: "b",
    title: "Export controls, revised",
    text: "Revised export controls spare open models.",
  },
];
const queries = ["validators subnet", "export controls open models", "quokka miners", "emissions"];

describe("SearchIndex.withDocuments", () => {
  it("ranks like a fresh build after adding, replacing and removing documents", () => {
    const options = { related: false, fieldWeights: { title: 0.3 } };
    const start = createSearchIndex(docs, options);
    const changed = start.withDocuments(added, new Set(["b", "c"]), options);
    const fresh = createSearchIndex([docs[0]!, docs[3]!, ...added], options);
    expect(changed.size).toBe(4);
    for (const query of queries) {
      const got = changed.search(query).map((h) => [h.id, h.score.toFixed(6), h.confidence]);
      const want = fresh.search(query).map((h) => [h.id, h.score.toFixed(6), h.confidence]);
      expect(got, query).toEqual(want);
    }
    expect(changed.search("chinese labs")).toEqual([]);
    // The index it came from was taken over: it refuses to answer rather than answer wrongly.
    expect(() => start.search("chinese labs")).toThrow(/replaced by withDocuments/);
  });

  it("changes again and again like a fresh build", () => {
    const options = { related: false, fieldWeights: { title: 0.3 } };
    const build = { fieldWeights: options.fieldWeights };
    let index = createSearchIndex(docs, options);
    index = index.withDocuments([added[0]!], new Set(), build);
    index = index.withDocuments([], new Set(["e", "a"]), build);
    index = index.withDocuments([docs[0]!], new Set(["d"]), build);
    const fresh = createSearchIndex([docs[1]!, docs[2]!, docs[0]!], options);
    for (const query of queries) {
      const got = index.search(query).map((h) => [h.id, h.score.toFixed(6), h.confidence]);
      const want = fresh.search(query).map((h) => [h.id, h.score.toFixed(6), h.confidence]);
      expect(got, query).toEqual(want);
    }
  });

  it("refuses an id that is already indexed (remove it first)", () => {
    const start = createSearchIndex(docs);
    expect(() => start.withDocuments([docs[0]!], new Set())).toThrow(/already indexed/);
  });
});
