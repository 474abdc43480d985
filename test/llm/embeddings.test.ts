// Embeddings through the real client: batched, deduplicated, cached by model and text.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIProvider } from "../../src/llm/openai-provider.ts";
import type { ModelProvider } from "../../src/llm/types.ts";
import {
  embeddings,
  type FakeOpenAIServer,
  type RecordedRequest,
  serverError,
  startFakeOpenAI,
} from "../fakes/openai-server.ts";

let server: FakeOpenAIServer;

/** A deterministic stand-in vector: the text's length and its count of "a". */
const vectorFor = (text: string) => [text.length, [...text].filter((c) => c === "a").length, 1];
const inputs = (request: RecordedRequest | undefined) => request?.body.input;

beforeEach(async () => {
  server = await startFakeOpenAI();
  server.setHandler((request) => {
    const input = request.body.input;
    const texts = Array.isArray(input) ? input : [String(input)];
    return embeddings(texts.map(vectorFor));
  });
});
afterEach(() => server.close());

const provider = (extra: { embeddingBatchSize?: number; embeddingModel?: string } = {}) =>
  createOpenAIProvider({
    baseURL: server.baseURL,
    model: "qwen2.5:7b",
    embeddingModel: "nomic-embed-text",
    ...extra,
  });

describe("embed", () => {
  it("returns one vector per text in order, and a repeat call makes no request", async () => {
    const model: ModelProvider = provider();
    const first = await model.embed(["alpha", "be", "alpha"]);
    expect(first).toEqual([vectorFor("alpha"), vectorFor("be"), vectorFor("alpha")]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe("/v1/embeddings");
    expect(inputs(server.requests[0])).toEqual(["alpha", "be"]);
    expect(server.requests[0]?.body.model).toBe("nomic-embed-text");
    expect(server.requests[0]?.body.encoding_format).toBe("float");

    const second = await model.embed(["be", "alpha"]);
    expect(second).toEqual([vectorFor("be"), vectorFor("alpha")]);
    expect(server.requests).toHaveLength(1);

    await model.embed(["be", "gamma"]);
    expect(inputs(server.requests[1])).toEqual(["gamma"]);
  });

  it("splits many texts into batches", async () => {
    const texts = ["a", "bb", "ccc", "dddd", "eeeee"];
    const vectors = await provider({ embeddingBatchSize: 2 }).embed(texts);
    expect(vectors).toEqual(texts.map(vectorFor));
    expect(server.requests.map(inputs)).toEqual([["a", "bb"], ["ccc", "dddd"], ["eeeee"]]);
  });

  it("returns null, without a request, when no embedding model is configured", async () => {
    const model = createOpenAIProvider({ baseURL: server.baseURL, model: "qwen2.5:7b" });
    expect(await model.embed(["alpha"])).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it("returns null when the server fails or answers with the wrong number of vectors", async () => {
    server.setHandler(() => serverError());
    expect(await provider().embed(["alpha"], { budgetMs: 500 })).toBeNull();
    server.setHandler(() => embeddings([[1, 2]]));
    expect(await provider().embed(["alpha", "beta"])).toBeNull();
  });
});
