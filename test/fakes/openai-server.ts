// A loopback stand-in for an OpenAI-compatible server (the far side only). Tests decide each
// reply: queue replies in order, or set a handler; every request is recorded.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply =
  /** A chat completion whose message content is `content` (a string, or JSON-encoded). */
  | { type: "chat"; content: unknown }
  /** An embeddings response, one vector per input in order. */
  | { type: "embeddings"; vectors: number[][] }
  /** Any status, body and headers, sent as given. */
  | { type: "raw"; status: number; body: string; headers?: Record<string, string> }
  /** Accepts the request and never answers. */
  | { type: "hang" };

/** The request fields tests look at; anything else the client sends is kept as unknown. */
export interface RecordedBody {
  model?: string;
  messages?: { role: string; content: string }[];
  input?: string | string[];
  response_format?: unknown;
  temperature?: number;
  encoding_format?: string;
  [field: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body (empty when it was not JSON). */
  body: RecordedBody;
}

export const chat = (content: unknown): FakeReply => ({ type: "chat", content });
export const embeddings = (vectors: number[][]): FakeReply => ({ type: "embeddings", vectors });
export const hang = (): FakeReply => ({ type: "hang" });
export const invalidJson = (): FakeReply => chat("Sure! Here is the answer: {sentences: [oops");
export const rateLimited = (retryAfterSeconds: number): FakeReply => ({
  type: "raw",
  status: 429,
  body: JSON.stringify({ error: { message: "Rate limit reached", type: "rate_limit" } }),
  headers: { "retry-after": String(retryAfterSeconds) },
});
export const serverError = (): FakeReply => ({
  type: "raw",
  status: 500,
  body: JSON.stringify({ error: { message: "The server had an error", type: "server_error" } }),
});

export interface FakeOpenAIServer {
  /** e.g. http://127.0.0.1:43121/v1 */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies used one per request, in order, before the handler. */
  queue(...replies: FakeReply[]): void;
  /** Decides replies once the queue is empty; default: 500. */
  setHandler(handler: (request: RecordedRequest) => FakeReply): void;
  close(): Promise<void>;
}

function send(response: ServerResponse, reply: FakeReply, request: RecordedRequest): void {
  if (reply.type === "hang") return;
  if (reply.type === "raw") {
    response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    response.end(reply.body);
    return;
  }
  const model = request.body.model ?? "fake";
  const body =
    reply.type === "chat"
      ? {
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: 1_700_000_000,
          model,
          choices: [
            {
              index: 0,
              finish_reason: "stop",
              message: {
                role: "assistant",
                content:
                  typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content),
              },
            },
          ],
        }
      : {
          object: "list",
          model,
          data: reply.vectors.map((embedding, index) => ({
            object: "embedding",
            index,
            embedding,
          })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        };
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startFakeOpenAI(): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const pending: FakeReply[] = [];
  let handler: (request: RecordedRequest) => FakeReply = () => serverError();

  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: RecordedBody = {};
    try {
      body = text ? (JSON.parse(text) as RecordedBody) : {};
    } catch {
      body = {};
    }
    const request: RecordedRequest = {
      method: incoming.method ?? "GET",
      path: new URL(incoming.url ?? "/", "http://127.0.0.1").pathname,
      headers: incoming.headers,
      body,
    };
    requests.push(request);
    const known = request.path === "/v1/chat/completions" || request.path === "/v1/embeddings";
    const reply = known
      ? (pending.shift() ?? handler(request))
      : { type: "raw" as const, status: 404, body: '{"error":{"message":"unknown path"}}' };
    send(response, reply, request);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    queue: (...replies) => pending.push(...replies),
    setHandler: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests keep their sockets open; cut them so close() returns.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
