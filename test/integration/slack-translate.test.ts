// A question that is not English, with a model configured: through the real Bolt app, the
// real wiring (openThesis from config) and the real `openai` client against the loopback
// fake model server. The question is put into English before search, the reply says so and
// cites the corpus's own passages; a model that times out, errors, or replies with something
// the bot cannot trust leaves the sentence that the bot reads English questions.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { ENGLISH_ONLY } from "../../commands/language.ts";
import { quotableLookup } from "../../src/answer/corpus-view.ts";
import { checkCitation } from "../../src/answer/quote-check.ts";
import { createAppLog } from "../../src/app/log.ts";
import { type OpenedThesis, openThesis } from "../../src/app/open-thesis.ts";
import { createBot } from "../../src/bot/bot.ts";
import { loadConfig } from "../../src/config.ts";
import { SEEDS } from "../answer/seeds-service.ts";
import { recordingChat } from "../bot/recording-chat.ts";
import {
  chat,
  type FakeOpenAIServer,
  type FakeReply,
  hang,
  invalidJson,
  type RecordedRequest,
  serverError,
  startFakeOpenAI,
} from "../fakes/openai-server.ts";
import { type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

const GERMAN = "Warum gewinnt die Verteilung normalerweise gegen die besseren Modelle?";
const ENGLISH = "Why does distribution usually win against the better models?";

let server: FakeOpenAIServer;
let dataDir: string;
let opened: OpenedThesis;
let h: SlackHarness;
/** What the fake model says to a translation request; each test sets it. */
let onTranslate: (request: RecordedRequest) => FakeReply;

const systemOf = (request: RecordedRequest) => request.body.messages?.[0]?.content ?? "";
const userOf = (request: RecordedRequest) =>
  JSON.parse(request.body.messages?.find((m) => m.role === "user")?.content ?? "{}");
const translations = () =>
  server.requests.filter((r) => systemOf(r).startsWith("You translate a question"));

beforeAll(async () => {
  server = await startFakeOpenAI();
  server.setHandler((request) => {
    const system = systemOf(request);
    if (system.startsWith("You translate a question")) return onTranslate(request);
    if (system.startsWith("You label claims")) {
      // Index-time label refinement: every claim kept as an assertion (valid, so accepted).
      const { claims } = userOf(request) as { claims: { id: string }[] };
      return chat({ results: claims.map((c) => ({ id: c.id, kind: "assertion" })) });
    }
    // A worded answer with nothing grounded: the extractive answer is shown.
    return chat({ sentences: [] });
  });
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-translate-"));
  const config = loadConfig({
    CORPUS_DIR: SEEDS,
    DATA_DIR: dataDir,
    OPENAI_BASE_URL: server.baseURL,
    OPENAI_MODEL: "qwen2.5:7b",
  });
  opened = await openThesis(
    config,
    createAppLog("error", () => {}),
    { answerBudgetMs: 500 },
  );
  await opened.background;
  h = await startSlackHarness({
    commands: thesisCommands,
    thesis: opened.thesis,
    ...(opened.modelAnswers ? { model: opened.modelAnswers } : {}),
  });
});
afterAll(async () => {
  await h?.close();
  await opened?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  h.fake.calls.length = 0;
  server.requests.length = 0;
});

async function askInSlack(question: string, id: string): Promise<string> {
  expect((await h.slash(`ask ${question}`, id)).status).toBe(200);
  const [answer] = await h.fake.waitForCalls("response_url", 1, 10_000);
  expect(answer?.responseId).toBe(id);
  return visibleText(answer?.args ?? {});
}

describe("a German question with a model configured", () => {
  it("is translated before search: the reply says so and cites the corpus", async () => {
    onTranslate = () => chat({ language: "German", english: ENGLISH });
    const text = await askInSlack(GERMAN, "de-ok");
    expect(text).toContain(`Translated from German: “${ENGLISH}”`);
    // The passages the English question finds, from the corpus.
    expect(text).toContain("distribution usually wins");
    expect(text).not.toContain("reads questions in English");
    // The model was given the question as data, in its JSON field.
    const [request] = translations();
    expect(userOf(request as RecordedRequest).question).toBe(GERMAN);
  });

  it("quotes only the corpus: every citation passes the quote check, none is the translation", async () => {
    onTranslate = () => chat({ language: "German", english: ENGLISH });
    const bot = createBot({
      commands: thesisCommands,
      thesis: opened.thesis,
      ...(opened.modelAnswers ? { model: opened.modelAnswers } : {}),
      log: () => {},
    });
    const { reply } = await bot.run(
      recordingChat(),
      { user: { id: "U1" } },
      { text: `ask ${GERMAN}` },
    );
    expect(reply.kind).toBe("answer");
    const citations = reply.sections.flatMap((s) => s.citations);
    expect(citations.length).toBeGreaterThan(0);
    const lookup = quotableLookup(opened.ledger);
    for (const { file, lines, quote, title } of citations) {
      expect(checkCitation({ file, lines, quote, title }, lookup)).toBeNull();
      expect(quote).not.toContain(ENGLISH);
    }
    // The same passages an English question gets, and the data says what was searched.
    expect(citations.map((c) => c.quote)).toEqual(
      opened.thesis.ask(ENGLISH).citations.map((c) => c.quote),
    );
    expect((reply.data as { translation?: unknown }).translation).toEqual({
      language: "German",
      english: ENGLISH,
    });
  });
});

describe("a German question when the model fails", () => {
  const cases: [string, () => FakeReply][] = [
    ["times out", () => hang()],
    ["errors", () => serverError()],
    ["replies with something that is not JSON", () => invalidJson()],
    ["replies with the wrong shape", () => chat({ translation: ENGLISH })],
    // An "English" that is the German again cannot be searched in an English corpus.
    ["echoes the question back", () => chat({ language: "German", english: GERMAN })],
  ];
  for (const [what, reply] of cases) {
    it(`gets the sentence that the bot reads English when the model ${what}`, async () => {
      onTranslate = reply;
      const text = await askInSlack(GERMAN, `de-${what.split(" ")[0]}`);
      expect(text).toContain(ENGLISH_ONLY);
      expect(text).not.toContain("Translated from");
      expect(translations().length).toBeGreaterThan(0);
    });
  }

  it("asks no model about an English question", async () => {
    onTranslate = () => chat({ language: "German", english: ENGLISH });
    const text = await askInSlack("why does distribution usually win?", "en");
    expect(text).toContain("distribution usually wins");
    expect(text).not.toContain("Translated from");
    expect(translations()).toHaveLength(0);
  });
});
