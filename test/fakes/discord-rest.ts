// The REST half of the loopback fake Discord: answers the routes the bot uses, records
// every call (method, path as sent, parsed body, arrival time) and can be told to fail the
// next matching call (a 429 with retry_after, a 403 with code 50013...).
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";

export interface RecordedCall {
  method: string;
  /** The path exactly as it arrived, e.g. ".../messages/%40original". */
  path: string;
  query: URLSearchParams;
  body: unknown;
  at: number;
  status: number;
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const FAKE_IDS = {
  application: "100000000000000001",
  bot: "100000000000000002",
  guild: "100000000000000003",
  channel: "100000000000000004",
  thread: "100000000000000005",
  user: "100000000000000006",
} as const;

let snowflake = 200000000000000000n;
export const nextId = () => (++snowflake).toString();

export function fakeUser(id: string = FAKE_IDS.user, bot = false) {
  return {
    id,
    username: bot ? "thesis-bot" : "alice",
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot,
  };
}

/** discord.js 14.28 builds a Message for interaction replies and reads all of these. */
export function interactionMetadata() {
  return {
    id: nextId(),
    type: 2,
    user: fakeUser(),
    authorizing_integration_owners: { "0": FAKE_IDS.guild },
  };
}

export function fakeMessage(fields: {
  channelId: string;
  content?: string;
  author?: object;
  flags?: number;
  extra?: object;
}) {
  return {
    id: nextId(),
    type: 0,
    channel_id: fields.channelId,
    author: fields.author ?? fakeUser(FAKE_IDS.bot, true),
    content: fields.content ?? "",
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: fields.flags ?? 0,
    ...fields.extra,
  };
}

export class FakeDiscordRest {
  readonly calls: RecordedCall[] = [];
  readonly failures: Failure[] = [];
  /** What GET .../commands returns; PUT replaces it. */
  commands: Record<string, unknown>[] = [];
  gatewayUrl = "";
  /** Messages posted to each channel (or thread) id, oldest first; GET .../messages reads them. */
  readonly channelMessages = new Map<string, Record<string, unknown>[]>();
  #waiters: { test: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];

  /** Fails the next call matching method and path once. */
  failNext(failure: Failure) {
    this.failures.push(failure);
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitFor(test: (call: RecordedCall) => boolean, timeoutMs = 4000): Promise<RecordedCall> {
    const seen = this.calls.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("timed out waiting for a REST call")),
        timeoutMs,
      );
      const settle = (call: RecordedCall) => {
        clearTimeout(timer);
        resolve(call);
      };
      this.#waiters.push({ test, resolve: settle });
    });
  }

  find(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {}
    const method = req.method ?? "GET";
    const path = url.pathname;
    const failureIndex = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    let status: number;
    let payload: unknown;
    let headers: Record<string, string> = {};
    if (failureIndex !== -1) {
      const failure = this.failures.splice(failureIndex, 1)[0]!;
      ({ status, body: payload } = failure);
      headers = failure.headers ?? {};
    } else {
      [status, payload] = this.route(method, path, url.searchParams, body);
    }
    const call: RecordedCall = {
      method,
      path,
      query: url.searchParams,
      body,
      at: performance.now(),
      status,
    };
    this.calls.push(call);
    for (const waiter of [...this.#waiters]) {
      if (waiter.test(call)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
    if (status === 204) {
      // A 204 with a JSON content-type makes discord.js try to parse an empty body.
      res.writeHead(204, headers);
      res.end();
      return;
    }
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(payload));
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): [number, unknown] {
    const data = (body ?? {}) as Record<string, unknown>;
    const webhook =
      /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)(\/messages\/(%40original|@original|\d+))?$/.exec(path);
    const threadStart = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    const channelPost = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    const oneMessage = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (method === "GET" && path === "/api/v10/gateway/bot") {
      const limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: limit }];
    }
    if (method === "POST" && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      return query.get("with_response") === "true"
        ? [200, { interaction: { id: nextId(), type: 2 } }]
        : [204, null];
    }
    if (webhook) {
      if (method === "PATCH" || method === "POST" || method === "GET") {
        // discord.js 14.28 builds an interaction reply's Message and needs this field.
        const extra = {
          ...data,
          webhook_id: webhook[1],
          interaction_metadata: interactionMetadata(),
        };
        return [
          200,
          fakeMessage({ channelId: FAKE_IDS.channel, content: String(data.content ?? ""), extra }),
        ];
      }
    }
    if (oneMessage && method === "GET") {
      const found = this.channelMessages.get(oneMessage[1]!)?.find((m) => m.id === oneMessage[2]);
      return found ? [200, found] : [404, { message: "Unknown Message", code: 10008 }];
    }
    if (threadStart && method === "POST") {
      const thread = {
        // As on Discord, a thread started on a message has that message's id.
        id: threadStart[2],
        type: 11,
        guild_id: FAKE_IDS.guild,
        parent_id: threadStart[1],
        name: data.name,
        owner_id: FAKE_IDS.bot,
        message_count: 0,
        member_count: 1,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: new Date(0).toISOString(),
          locked: false,
        },
      };
      return [201, thread];
    }
    if (channelPost && method === "POST") {
      const message = fakeMessage({
        channelId: channelPost[1]!,
        content: String(data.content ?? ""),
        extra: data,
      });
      const stored = this.channelMessages.get(channelPost[1]!) ?? [];
      this.channelMessages.set(channelPost[1]!, [...stored, message]);
      return [200, message];
    }
    if (channelPost && method === "GET") {
      // Newest first, as Discord returns a channel's history.
      const limit = Number(query.get("limit") ?? 50);
      const stored = this.channelMessages.get(channelPost[1]!) ?? [];
      return [200, [...stored].reverse().slice(0, limit)];
    }
    if (/^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (method === "GET") return [200, this.commands];
      if (method === "PUT" && Array.isArray(body)) {
        this.commands = (body as Record<string, unknown>[]).map((c) => ({
          id: nextId(),
          application_id: FAKE_IDS.application,
          version: nextId(),
          default_member_permissions: null,
          ...c,
        }));
        return [200, this.commands];
      }
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }
}
