// answerWithModel and hybrid retrieval over the real seeds, with the real `openai` client
// against the loopback fake. What a user would notice: the lead is the model's grounded
// wording or, on any failure, exactly the extractive lead; the quotes shown never change.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCorpusView, quotableLookup } from "../../src/answer/corpus-view.ts";
import { createHybridSearch } from "../../src/answer/hybrid.ts";
import { answerWithModel } from "../../src/answer/model-answer.ts";
import { checkCitation } from "../../src/answer/quote-check.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import type { Ledger } from "../../src/corpus/ledger.ts";
import { createOpenAIProvider } from "../../src/llm/openai-provider.ts";
import type { ModelProvider } from "../../src/llm/types.ts";
import {
  chat,
  embeddings,
  type FakeOpenAIServer,
  hang,
  invalidJson,
  type RecordedRequest,
  serverError,
  startFakeOpenAI,
} from "../fakes/openai-server.ts";
import { seedsService } from "./seeds-service.ts";

const QUESTION = "why does distribution usually win?";

let ledger: Ledger;
let thesis: ThesisService;
let lookup: ReturnType<typeof quotableLookup>;
let server: FakeOpenAIServer;
let provider: ModelProvider;

beforeAll(async () => {
  ({ ledger, thesis } = await seedsService());
  lookup = quotableLookup(ledger);
});
beforeEach(async () => {
  server = await startFakeOpenAI();
  provider = createOpenAIProvider({
    baseURL: server.baseURL,
    model: "qwen2.5:7b",
    embeddingModel: "nomic-embed-text",
  });
});
afterEach(() => server.close());

/** The passages the model was sent, as the prompt numbers them. */
function passagesIn(request: RecordedRequest): { n: number; text: string }[] {
  const user = request.body.messages?.find((m) => m.role === "user")?.content ?? "{}";
  return (JSON.parse(user) as { passages: { n: number; text: string }[] }).passages;
}

/** A sentence grounded in passage 1, quoting its first words exactly. */
function groundedIn(request: RecordedRequest) {
  const first = passagesIn(request)[0]?.text ?? "";
  const quote = first.split("\n")[0]?.slice(0, 40).trim() ?? "";
  return { text: "The sources say distribution decides who wins.", cites: [1], quote };
}

const answer = (budgetMs?: number) =>
  answerWithModel(thesis, provider, QUESTION, {
    lookup,
    ...(budgetMs === undefined ? {} : { budgetMs }),
  });

describe("answerWithModel", () => {
  it("leads with the model's grounded text, marked with its passage, over the extractive citations", async () => {
    server.setHandler((request) => chat({ sentences: [groundedIn(request)] }));
    const extractive = thesis.ask(QUESTION);
    const result = await answer();
    expect(result.synthesized).toBe(true);
    expect(result.model).toBe("qwen2.5:7b");
    expect(result.answer).toBe("The sources say distribution decides who wins. [1]");
    expect(result.citations).toEqual(extractive.citations);
    for (const citation of result.citations) expect(checkCitation(citation, lookup)).toBeNull();
    expect(passagesIn(server.requests[0] as RecordedRequest).map((p) => p.text)).toEqual(
      extractive.citations.map((c) => c.quote),
    );
  });

  it("drops a sentence with an invented quote and keeps the rest when enough is grounded", async () => {
    server.setHandler((request) =>
      chat({
        sentences: [
          groundedIn(request),
          { text: "TAO will reach $10,000.", cites: [1], quote: "TAO will reach $10,000" },
        ],
      }),
    );
    const result = await answer();
    expect(result.synthesized).toBe(true);
    expect(result.answer).not.toContain("TAO");
  });

  it("falls back to the extractive lead when too few sentences are grounded", async () => {
    server.setHandler((request) =>
      chat({
        sentences: [
          groundedIn(request),
          { text: "Invented one.", cites: [1], quote: "never said this" },
          { text: "Invented two.", cites: [9] },
        ],
      }),
    );
    const result = await answer();
    expect(result).toEqual({ ...thesis.ask(QUESTION), synthesized: false });
  });

  it("falls back on invalid JSON, a server error, and a hang past the budget", async () => {
    const extractive = { ...thesis.ask(QUESTION), synthesized: false };
    server.setHandler(() => invalidJson());
    expect(await answer()).toEqual(extractive);
    server.setHandler(() => serverError());
    expect(await answer()).toEqual(extractive);
    server.setHandler(() => hang());
    expect(await answer(300)).toEqual(extractive);
  });

  it("asks the model nothing when the corpus has no answer", async () => {
    const result = await answerWithModel(thesis, provider, "what is the capital of France?", {
      lookup,
    });
    expect(result).toEqual({ ...thesis.ask("what is the capital of France?"), synthesized: false });
    expect(server.requests).toHaveLength(0);
  });
});

describe("hybrid retrieval", () => {
  /**
   * Every passage points one way except `target`, which points the same way as the question:
   * the nearest passage by meaning is then unambiguous.
   */
  function embedWith(target: string) {
    server.setHandler((request) => {
      const input = request.body.input;
      const texts = Array.isArray(input) ? input : [input ?? ""];
      return embeddings(texts.map((t) => (t === target || t === QUESTION ? [0, 1, 0] : [1, 0, 0])));
    });
  }

  it("brings the passage nearest in meaning into the answer, after the lexical best", async () => {
    const lexical = thesis.ask(QUESTION, { limit: 10 });
    const target = lexical.citations[6];
    if (!target) throw new Error("the seeds should give ten passages for this question");
    expect(thesis.ask(QUESTION).citations).not.toContainEqual(target);
    embedWith(target.quote);
    const hybrid = createHybridSearch(
      thesis,
      createCorpusView(ledger, () => {}),
      (texts, o) => provider.embed(texts, o),
    );
    expect(await hybrid.prepare()).toBe(true);
    const result = await hybrid.ask(QUESTION, 3, {
      budgetMs: 1000,
      signal: new AbortController().signal,
    });
    expect(result?.citations[0]).toEqual(lexical.citations[0]);
    expect(result?.citations[1]).toEqual(target);
    expect(result?.answer).toBe(lexical.answer);
    for (const citation of result?.citations ?? [])
      expect(checkCitation(citation, lookup)).toBeNull();
  });

  it("is skipped when the embeddings endpoint fails: answers stay lexical", async () => {
    const hybrid = createHybridSearch(
      thesis,
      createCorpusView(ledger, () => {}),
      (texts, o) => provider.embed(texts, o),
    );
    server.setHandler(() => serverError());
    expect(await hybrid.prepare()).toBe(false);
    expect(hybrid.ready).toBe(false);
    server.setHandler((request) =>
      request.path.endsWith("/embeddings") ? serverError() : chat({ sentences: [] }),
    );
    const result = await answerWithModel(thesis, provider, QUESTION, {
      lookup,
      retriever: hybrid,
    });
    expect(result.citations).toEqual(thesis.ask(QUESTION).citations);
    expect(result.synthesized).toBe(false);
  });
});
