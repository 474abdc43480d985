// Synthesized answers through the real `openai` client against a loopback fake server.
// The user-facing promise under test: whatever the model does, nothing reaches the answer
// unless it is grounded in the passages and its quotes pass the quote check.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkCitation } from "../../src/answer/quote-check.ts";
import { createOpenAIProvider } from "../../src/llm/openai-provider.ts";
import type { ModelProvider } from "../../src/llm/types.ts";
import {
  chat,
  type FakeOpenAIServer,
  hang,
  invalidJson,
  rateLimited,
  serverError,
  startFakeOpenAI,
} from "../fakes/openai-server.ts";
import { FILE, lookup, passages } from "./fixtures.ts";

const QUESTION = "Are Chinese open-weight models competitive?";

let server: FakeOpenAIServer;
let provider: ModelProvider;
let warnings: string[];

beforeEach(async () => {
  server = await startFakeOpenAI();
  warnings = [];
  provider = createOpenAIProvider({
    baseURL: server.baseURL,
    model: "qwen2.5:7b",
    logger: { warn: (message) => warnings.push(message) },
  });
});
afterEach(() => server.close());

const ask = (budgetMs?: number) =>
  provider.synthesize({
    question: QUESTION,
    passages,
    lookup,
    ...(budgetMs ? { budgetMs } : {}),
  });

const groundedReply = {
  sentences: [
    {
      text: "Chinese open-weight models now rival closed ones on many benchmarks.",
      cites: [1],
      quote: "DeepSeek released its weights under a permissive licence",
    },
    { text: "Export controls on chips are the main worry.", cites: [2] },
  ],
};

describe("synthesize", () => {
  it("returns a grounded answer whose every citation passes the quote check", async () => {
    server.queue(chat(groundedReply));
    const answer = await ask();
    expect(answer?.answer).toBe(
      "Chinese open-weight models now rival closed ones on many benchmarks. Export controls on chips are the main worry.",
    );
    expect(answer?.citations).toEqual([
      {
        file: FILE,
        lines: [2, 2],
        quote: "DeepSeek released its weights under a permissive licence",
        title: passages[0]?.title,
      },
      passages[1],
    ]);
    for (const citation of answer?.citations ?? []) {
      expect(checkCitation(citation, lookup)).toBeNull();
    }
    expect(answer?.droppedSentences).toBe(0);
  });

  it("drops a sentence whose quote the passage does not contain", async () => {
    server.queue(
      chat({
        sentences: [
          groundedReply.sentences[1],
          { text: "Critics are alarmed.", cites: [2], quote: "export controls will end the boom" },
          {
            text: 'One critic calls it "the end of open weights".',
            cites: [2],
          },
          { text: "Critics point to chip export controls.", cites: [2] },
        ],
      }),
    );
    const answer = await ask();
    expect(answer?.answer).toBe(
      "Export controls on chips are the main worry. Critics point to chip export controls.",
    );
    expect(answer?.answer).not.toContain("end the boom");
    expect(answer?.answer).not.toContain("end of open weights");
    expect(answer?.droppedSentences).toBe(2);
  });

  it("drops a sentence citing a passage number it was never given", async () => {
    server.queue(
      chat({
        sentences: [
          groundedReply.sentences[1],
          { text: "Bittensor will overtake OpenAI.", cites: [7] },
        ],
      }),
    );
    const answer = await ask();
    expect(answer?.sentences.map((sentence) => sentence.text)).toEqual([
      "Export controls on chips are the main worry.",
    ]);
    expect(answer?.answer).not.toContain("Bittensor");
  });

  it("falls back (null) on a reply that is not JSON or not the agreed shape", async () => {
    server.queue(invalidJson());
    expect(await ask()).toBeNull();
    server.queue(chat({ answer: "Yes, they are competitive." }));
    expect(await ask()).toBeNull();
    expect(warnings.join("\n")).toMatch(/not JSON[\s\S]*expected shape/);
  });

  it("falls back when fewer than half of the sentences are grounded", async () => {
    server.queue(
      chat({
        sentences: [
          groundedReply.sentences[1],
          { text: "TAO will reach $10,000.", cites: [] },
          { text: "Everyone agrees.", cites: [9] },
        ],
      }),
    );
    expect(await ask()).toBeNull();
  });

  it("waits out a 429's retry-after when it fits the budget, then answers", async () => {
    server.queue(rateLimited(1), chat(groundedReply));
    const answer = await ask(3_000);
    expect(answer?.sentences).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up at once on a 429 whose retry-after outlasts the budget", async () => {
    server.queue(rateLimited(30), chat(groundedReply));
    expect(await ask(2_000)).toBeNull();
    expect(server.requests).toHaveLength(1);
  });

  it("falls back on server errors", async () => {
    server.setHandler(() => serverError());
    expect(await ask()).toBeNull();
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
  });

  it("falls back when the server is unreachable", async () => {
    await server.close();
    expect(await ask(1_000)).toBeNull();
    server = await startFakeOpenAI();
  });

  // The test's own timeout is the guard: null must arrive well before it.
  it("returns null within the budget when the server hangs", { timeout: 1_500 }, async () => {
    server.queue(hang());
    expect(await ask(300)).toBeNull();
    expect(server.requests).toHaveLength(1);
  });

  it("stops when the caller aborts", { timeout: 1_500 }, async () => {
    server.queue(hang());
    const controller = new AbortController();
    const pending = provider.synthesize({
      question: QUESTION,
      passages,
      lookup,
      budgetMs: 10_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeNull();
  });

  it("asks nothing when there are no passages", async () => {
    expect(await provider.synthesize({ question: QUESTION, passages: [], lookup })).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it("sends the configured model in JSON mode with temperature 0", async () => {
    server.queue(chat(groundedReply));
    await ask();
    const body = server.requests[0]?.body;
    expect(server.requests[0]?.path).toBe("/v1/chat/completions");
    expect(body?.model).toBe("qwen2.5:7b");
    expect(body?.response_format).toEqual({ type: "json_object" });
    expect(body?.temperature).toBe(0);
  });
});
