import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCounterArguments } from "../../src/search/counter.ts";
import { createSearchIndex } from "../../src/search/engine.ts";

const fixture = path.join(import.meta.dirname, "../fixtures/beir-counter");
const readJsonl = (name: string) =>
  readFileSync(path.join(fixture, name), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { _id: string; title?: string; text: string });
const corpus = readJsonl("corpus.jsonl");
const index = createSearchIndex(
  corpus.map((doc) => ({ id: doc._id, title: doc.title, text: doc.text })),
);

describe("counter-argument retrieval", () => {
  it("ranks each argument's own rebuttal first on the debate fixture", () => {
    for (const argument of readJsonl("queries.jsonl")) {
      const hits = findCounterArguments(index, argument.text, {
        excludeIds: new Set([argument._id]),
      });
      const counterId = argument._id.replace(/a$/, "b");
      expect(hits[0]?.id, argument._id).toBe(counterId);
    }
  });

  it("never offers a copy of the argument as its own counter", () => {
    const argument = corpus.find((doc) => doc._id === "test-zoos-pro01a")!;
    const withCopy = createSearchIndex([
      ...corpus.map((doc) => ({ id: doc._id, title: doc.title, text: doc.text })),
      { id: "copy-of-argument", text: argument.text },
    ]);
    const hits = findCounterArguments(withCopy, argument.text, {
      excludeIds: new Set([argument._id]),
    });
    expect(hits.map((hit) => hit.id)).not.toContain("copy-of-argument");
    expect(hits[0]?.id).toBe("test-zoos-pro01b");
  });
});
