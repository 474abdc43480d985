// Index-time enrichment through the real client, cached in a real Keyv on a SQLite file so
// the cache outlives the process: a restart must not ask the model again.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enrichClaims } from "../../src/llm/enrich.ts";
import { createOpenAIProvider } from "../../src/llm/openai-provider.ts";
import { chat, type FakeOpenAIServer, startFakeOpenAI } from "../fakes/openai-server.ts";
import { claim } from "./fixtures.ts";

const TOPICS = ["open-weights", "export-controls", "tao"];

let server: FakeOpenAIServer;
let dir: string;
const opened: Keyv[] = [];

beforeEach(async () => {
  server = await startFakeOpenAI();
  dir = await mkdtemp(path.join(tmpdir(), "thesis-llm-"));
});
afterEach(async () => {
  for (const keyv of opened.splice(0)) await keyv.disconnect();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function openCache(): Keyv {
  const keyv = new Keyv({ store: new KeyvSqlite(`sqlite://${path.join(dir, "cache.sqlite")}`) });
  opened.push(keyv);
  return keyv;
}
const provider = () => createOpenAIProvider({ baseURL: server.baseURL, model: "qwen2.5:7b" });

const claims = [
  claim("c1", "Export controls on chips could slow the next training runs.", {
    topics: ["export-controls"],
    stances: { "export-controls": "neutral" },
  }),
  claim("c2", "TAO could reach $1,000 within a year."),
];

const goodReply = {
  results: [
    { id: "0", kind: "risk", topics: ["export-controls"], stances: { "export-controls": "bear" } },
    { id: "1", kind: "prediction", topics: ["tao"], stances: { tao: "bull" } },
  ],
};

describe("enrichClaims", () => {
  it("refines kind, topics and stances, and reuses the cache after a restart", async () => {
    server.queue(chat(goodReply));
    const first = await enrichClaims(provider(), claims, TOPICS, openCache());
    expect(first.claims.map((c) => [c.kind, c.topics, c.stances])).toEqual([
      ["risk", ["export-controls"], { "export-controls": "bear" }],
      ["prediction", ["tao"], { tao: "bull" }],
    ]);
    expect(first).toMatchObject({ accepted: 6, rejected: 0, asked: 2, fromCache: 0 });
    expect(server.requests).toHaveLength(1);
    expect(claims[1]?.kind).toBe("assertion");

    await opened[0]?.disconnect();
    opened.length = 0;
    const again = await enrichClaims(provider(), claims, TOPICS, openCache());
    expect(server.requests).toHaveLength(1);
    expect(again.claims).toEqual(first.claims);
    expect(again).toMatchObject({ asked: 0, fromCache: 2 });
  });

  it("asks again under a different model name", async () => {
    server.queue(chat(goodReply), chat(goodReply));
    const cache = openCache();
    await enrichClaims(provider(), claims, TOPICS, cache);
    const other = createOpenAIProvider({ baseURL: server.baseURL, model: "deepseek-chat" });
    await enrichClaims(other, claims, TOPICS, cache);
    expect(server.requests).toHaveLength(2);
  });

  it("ignores invalid kinds, unknown topics and bad stances, keeping the valid rest", async () => {
    server.queue(
      chat({
        results: [
          {
            id: "0",
            kind: "moonshot",
            topics: ["export-controls", "made-up-topic", 42],
            stances: { "export-controls": "very bearish", "made-up-topic": "bull" },
          },
          { id: "1", kind: "prediction", topics: "tao", stances: ["bull"] },
          { id: "7", kind: "risk" },
          "not an object",
        ],
      }),
    );
    const result = await enrichClaims(provider(), claims, TOPICS, openCache());
    expect(result.claims[0]).toEqual(claims[0]);
    expect(result.claims[1]).toMatchObject({ kind: "prediction", topics: [], stances: {} });
    // Accepted: the "export-controls" topic and the "prediction" kind. Rejected: "moonshot",
    // "made-up-topic", 42, "very bearish", the stance for an unknown topic, a topics string
    // and a stances array.
    expect(result).toMatchObject({ accepted: 2, rejected: 7 });
  });

  it("leaves claims unchanged and uncached when the reply is unusable", async () => {
    server.queue(chat("I cannot help with that."), chat(goodReply));
    const cache = openCache();
    const failed = await enrichClaims(provider(), claims, TOPICS, cache);
    expect(failed.claims).toEqual(claims);
    expect(failed.unanswered).toBe(2);
    const retried = await enrichClaims(provider(), claims, TOPICS, cache);
    expect(retried.claims[1]?.kind).toBe("prediction");
    expect(server.requests).toHaveLength(2);
  });

  it("sends only the allowed topics and the claim texts, in batches", async () => {
    server.setHandler(() => chat({ results: [] }));
    const many = Array.from({ length: 5 }, (_, i) => claim(`c${i}`, `Claim number ${i}.`));
    const batched = createOpenAIProvider({
      baseURL: server.baseURL,
      model: "qwen2.5:7b",
      classifyBatchSize: 2,
    });
    await enrichClaims(batched, many, TOPICS, openCache());
    const sent = server.requests.map((r) => JSON.parse(r.body.messages?.[1]?.content ?? "{}"));
    expect(sent.map((body) => body.claims.length)).toEqual([2, 2, 1]);
    expect(sent[0].allowedTopics).toEqual(TOPICS);
    expect(sent[2].claims[0]).toEqual({ id: "0", text: "Claim number 4." });
  });
});
