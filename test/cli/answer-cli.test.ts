// ask, risks, bullbear and quote on the command line run the /thesis subcommands: the text is
// the console's, the --json document the reply's data in the shapes of docs/CLI.md, and every
// quote printed holds against the lines it cites.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { createConsoleChat } from "../../src/adapters/console/chat.ts";
import { createConsoleSession } from "../../src/adapters/console/session.ts";
import { checkCitation } from "../../src/answer/quote-check.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { createBot } from "../../src/bot/bot.ts";
import type { Ledger } from "../../src/corpus/ledger.ts";
import type { Citation } from "../../src/corpus/types.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { runCliCapturing } from "./capture.ts";

const QUESTION = "why does distribution usually win?";
const CITATION_KEYS = ["file", "lines", "quote", "title"];

let dataDir: string;
let ledger: Ledger;
let thesis: ThesisService;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "thesis-answer-cli-"));
  ({ ledger, thesis } = await seedsService());
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCapturing(argv, { DATA_DIR: dataDir });

function expectVerified(citations: Citation[]): void {
  expect(citations.length).toBeGreaterThan(0);
  for (const citation of citations) {
    expect(Object.keys(citation).sort()).toEqual(CITATION_KEYS);
    expect(
      checkCitation(citation, (file) => ledger.documents.find((d) => d.file === file)),
    ).toBeNull();
  }
}

/** Each quote's lines on "> " lines, then its file and lines, as the console prints them. */
function expectQuotedInText(text: string, citations: Citation[]): void {
  for (const c of citations) {
    const quoted = c.quote
      .split("\n")
      .map((line) => `  > ${line}`)
      .join("\n");
    const [start, end] = c.lines;
    const lines = start === end ? `line ${start}` : `lines ${start}–${end}`;
    expect(text).toContain(quoted);
    expect(text).toContain(`    ${c.file}, ${lines}`);
  }
}

describe("thesis-bot ask", () => {
  it("prints exactly what the console prints for the same question, the lead once", async () => {
    const run = await cli("ask", QUESTION);
    expect(run.code, run.stderr).toBe(0);
    const bot = createBot({ commands: thesisCommands, thesis, log: () => {} });
    const session = createConsoleSession(
      { bot },
      createConsoleChat(() => {}),
    );
    const { output } = await session.handle(`ask ${QUESTION}`);
    expect(run.stdout).toBe(output);
    const { answer, citations } = thesis.ask(QUESTION);
    expectQuotedInText(run.stdout, citations);
    const flat = run.stdout.replace(/\s+/g, " ");
    expect(flat.split(answer.replace(/\s+/g, " ")).length - 1).toBe(1);
  });

  it("answers --json with found, answer and verified citations, best first", async () => {
    const run = await cli("ask", QUESTION, "--limit", "2", "--json");
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(Object.keys(document)).toEqual(["found", "answer", "citations"]);
    const expected = thesis.ask(QUESTION, { limit: 2 });
    expect(document).toEqual({
      found: true,
      answer: expected.answer,
      citations: expected.citations,
    });
    expect(document.citations).toHaveLength(2);
    expectVerified(document.citations);
  });

  it("exits 1 when the corpus has nothing on it, in text and in JSON", async () => {
    const text = await cli("ask", "what is the capital of France?");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("Nothing in the corpus answers that.");
    const json = await cli("ask", "what is the capital of France?", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ found: false, answer: "", citations: [] });
  });

  it("says the bot reads English to a question in another language, and exits 1", async () => {
    const text = await cli("ask", "Was sind die Risiken von Bittensor?");
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/thesis-bot reads questions in English/);
    const json = await cli("ask", "Bittensor有哪些风险？", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ found: false, answer: "", citations: [] });
  });
});

describe("thesis-bot risks, bullbear, quote", () => {
  it("gives the risk register as { risks: [{ label, sources, citations }] }, quotes verified", async () => {
    const run = await cli("risks", "tao", "--json");
    expect(run.code, run.stderr).toBe(0);
    const { risks } = JSON.parse(run.stdout);
    expect(risks.length).toBeGreaterThan(0);
    for (const risk of risks) {
      expect(Object.keys(risk).sort()).toEqual(["citations", "label", "sources"]);
      expect(risk.sources).toBeGreaterThanOrEqual(1);
      expectVerified(risk.citations);
    }
    const text = await cli("risks", "tao");
    expectQuotedInText(
      text.stdout,
      risks.flatMap((r: { citations: Citation[] }) => r.citations),
    );
  });

  it("answers an unknown risks topic with exit 2 and UNKNOWN_TOPIC", async () => {
    const run = await cli("risks", "France", "--json");
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: "UNKNOWN_TOPIC",
        message: expect.stringMatching(/^The sources say nothing about "France" as a topic/),
      },
    });
  });

  it("pairs bull and bear as { topic, pairs }, the topic by its label, a missing side null", async () => {
    const run = await cli("bullbear", "$TAO", "--json");
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(Object.keys(document)).toEqual(["topic", "pairs"]);
    expect(document.topic).toBe("$TAO / Bittensor");
    expect(document.pairs.length).toBeGreaterThan(0);
    for (const pair of document.pairs) {
      expect(Object.keys(pair).sort()).toEqual(["bear", "bull"]);
      expectVerified([pair.bull, pair.bear].filter(Boolean));
    }
    const text = await cli("bullbear", "$TAO");
    expectQuotedInText(
      text.stdout,
      document.pairs.flatMap((p: { bull: Citation | null; bear: Citation | null }) =>
        [p.bull, p.bear].filter((c): c is Citation => c !== null),
      ),
    );
  });

  it("quotes a claim as { claim, context } in the documented claim fields, and refuses an unknown id", async () => {
    const claimId = thesis.ask(QUESTION).claimIds[0] ?? "";
    const run = await cli("quote", claimId, "--json");
    expect(run.code, run.stderr).toBe(0);
    const { claim, context } = JSON.parse(run.stdout);
    expect(Object.keys(claim)).toEqual([
      "id",
      "text",
      "file",
      "lines",
      "offsets",
      "section",
      "kind",
      "stance",
      "topics",
      "hedged",
    ]);
    expect(claim.id).toBe(claimId);
    expect(claim.text).toBe(ledger.claims.find((c) => c.id === claimId)?.text);
    expectVerified([context]);
    expectQuotedInText((await cli("quote", claimId)).stdout, [context]);

    const unknown = await cli("quote", "nope123", "--json");
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout).error).toEqual({
      code: "UNKNOWN_CLAIM",
      message: expect.stringMatching(/^No claim has the id "nope123"/),
    });
  });
});
