import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DroppedCitation } from "../../src/answer/quote-check.ts";
import { checkCitation } from "../../src/answer/quote-check.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import type { Ledger } from "../../src/corpus/ledger.ts";
import { evaluateQuestions, questionFileSchema } from "../../src/eval/questions.ts";
import { seedsService } from "./seeds-service.ts";

// The shared dev set when it sits beside the checkout, else the copy kept with the tests.
const shared = path.resolve(PACKAGE_ROOT, "..", "shared", "eval", "dev-questions.json");
const devFile = existsSync(shared)
  ? shared
  : path.join(PACKAGE_ROOT, "test", "fixtures", "eval", "dev-questions.json");

let ledger: Ledger;
let thesis: ThesisService;
let dropped: DroppedCitation[];
beforeAll(async () => {
  ({ ledger, thesis, dropped } = await seedsService());
});

const lookup = (file: string) => ledger.documents.find((d) => d.file === file);

describe("ask on the seeds", () => {
  it("answers the dev questions: recall@3 at least 0.9, every off-topic question silent, no failed quote", () => {
    const questions = questionFileSchema.parse(JSON.parse(readFileSync(devFile, "utf8")));
    const report = evaluateQuestions(thesis, questions, () => dropped.length);
    expect(report.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.offTopicSilence).toBe(1);
    expect(report.failedQuotes).toBe(0);
  });

  it.each([
    "What is the capital of France?",
    "Who won the 2018 World Cup?",
    "How do I bake sourdough bread?",
    "",
    "   ",
  ])("says honestly that nothing answers %j", (question) => {
    expect(thesis.ask(question)).toEqual({ found: false, answer: "", citations: [], claimIds: [] });
  });

  it.each([
    ["tao bear case", /\$TAO|Bittensor/],
    ["whats the downside of chinese open weights", /Chinese|China/],
    ["is bitensor overvalued", /overvalued/],
    ["who drove the adoption of deepseek and kimmy", /startup and developer communities/],
    // "censored" meets "censorship" although Porter stems them apart.
    ["Is DeepSeek censored?", /built-in censorship mechanisms/],
    // "use" must not stem to the country's "us": the answer is about China's defense.
    [
      "How does China use AI for defense?",
      /cornerstone of its (?:national )?defense infrastructure/,
    ],
  ])("copes with chat-style questions: %s", (question, expected) => {
    const answer = thesis.ask(question);
    expect(answer.found).toBe(true);
    expect(answer.citations.map((c) => c.quote).join("\n")).toMatch(expected);
  });

  it("quotes verbatim passages of about 300 characters at most, best first, led by one of their sentences", () => {
    const answer = thesis.ask("Why does distribution usually win?");
    expect(answer.citations).toHaveLength(3);
    for (const citation of answer.citations) {
      expect(checkCitation(citation, lookup)).toBeNull();
      expect(citation.quote.length).toBeLessThanOrEqual(320);
    }
    expect(answer.answer).toBe("And in technology, distribution usually wins.");
    expect(answer.citations[0]?.quote).toContain(answer.answer);
  });

  it("gives more passages on request, up to ten", () => {
    expect(thesis.ask("open-weight models", { limit: 6 }).citations).toHaveLength(6);
    expect(thesis.ask("open-weight models", { limit: 50 }).citations.length).toBeLessThanOrEqual(
      10,
    );
  });

  it("never quotes the same sentence twice", () => {
    const { citations } = thesis.ask("China open source strategy", { limit: 10 });
    const sentences = citations.flatMap((c) => c.quote.split(/(?<=[.!?])\s+/));
    expect(new Set(sentences).size).toBe(sentences.length);
  });
});

describe("ask's lead answer", () => {
  it("is a statement from the passage, not a question in it", () => {
    const answer = thesis.ask("How does China use AI for defense?");
    expect(answer.answer).not.toMatch(/\?$/);
    expect(answer.citations[0]?.quote).toContain(answer.answer);
  });

  it("ignores filler verbs: 'Will Bitcoin go up?' quotes Bitcoin, not 'The stakes go well beyond'", () => {
    expect(
      thesis
        .ask("Will Bitcoin go up?")
        .citations.map((c) => c.quote)
        .join(" "),
    ).toContain("Bitcoin");
  });
});

describe("quote", () => {
  it("returns a claim with its surrounding passage, by id in any case", () => {
    const claim = ledger.claims.find((c) => c.text === "You need continuity.");
    if (!claim) throw new Error("seed claim missing");
    const found = thesis.quote(claim.id.toUpperCase());
    expect(found?.claim.id).toBe(claim.id);
    expect(found?.context.quote).toContain("You need continuity.");
    expect(found?.context.quote.length).toBeGreaterThan(claim.text.length);
    expect(found && checkCitation(found.context, lookup)).toBeNull();
    expect(thesis.quote("nope")).toBeNull();
  });
});
