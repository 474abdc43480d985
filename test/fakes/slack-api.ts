// A loopback fake of Slack's side: the Web API (https://slack.com/api/<method>) and the
// response_url endpoint. The real @slack/web-api client talks to it through
// `clientOptions: { slackApiUrl: fake.apiUrl }`; Bolt's respond() posts JSON to
// `fake.responseUrl(id)`. Every call is recorded so tests can assert what users would see.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  /** Web API method ("chat.postMessage") or "response_url". */
  method: string;
  args: Record<string, unknown>;
  /** For response_url calls, the id in the URL. */
  responseId?: string;
  token?: string;
  /** performance.now() when the call arrived (for the benchmark). */
  at: number;
}

export interface FakeSlackApi {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls to `method` have arrived (rejects after `timeoutMs`). */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Lets a test answer a method itself (e.g. apps.connections.open with a websocket URL). */
  handle(method: string, answer: (args: Record<string, unknown>) => Record<string, unknown>): void;
  /** Adds or replaces a workspace member that users.info knows (others: user_not_found). */
  setUser(user: FakeSlackUser): void;
  /** Names a channel for conversations.info (others: channel_not_found). */
  setChannel(id: string, name: string): void;
  /** Puts a message in a thread, as if it had been written there, for conversations.replies. */
  addThreadMessage(message: FakeThreadMessage): void;
  /** Slack may return fewer messages per page than asked: at most `size` from now on. */
  capRepliesPage(size: number): void;
  /**
   * Lets oauth.v2.access exchange `code` for the team's bot token (as if someone clicked
   * Allow on Slack's consent page); auth.test then answers for that token's team.
   */
  addInstall(install: FakeSlackInstall): void;
  close(): Promise<void>;
}

/** The users.info fields the bot reads to tell workspace admins and owners. */
export interface FakeSlackUser {
  id: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface FakeSlackInstall {
  code: string;
  /** The workspace installed in; for an org-wide install, the workspace auth.test names. */
  teamId: string;
  teamName: string;
  botToken: string;
  /** An Enterprise Grid organisation: with `orgWide`, the app is installed for all its teams. */
  enterprise?: { id: string; name: string };
  orgWide?: boolean;
  /** Channels this install's token can see (conversations.info); others: channel_not_found. */
  channels?: string[];
}

/** A message the fake holds; `user` for a person's, none for the bot's own posts. */
interface StoredMessage {
  channel: string;
  ts: string;
  args: Record<string, unknown>;
  user?: string;
}

/** A message someone (or the bot, with no `user`) wrote in a thread, for addThreadMessage. */
export interface FakeThreadMessage {
  channel: string;
  ts: string;
  threadTs: string;
  text: string;
  /** The author; omitted for a message of the bot's. */
  user?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export const FAKE_BOT_USER_ID = "UBOT";
export const FAKE_BOT_ID = "BBOT";

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  /** Top-level messages posted with chat.postMessage, oldest first, for conversations.history. */
  const history: StoredMessage[] = [];
  /** Thread replies (the bot's, and those a test added), for conversations.replies. */
  const replies: StoredMessage[] = [];
  const custom = new Map<string, (args: Record<string, unknown>) => Record<string, unknown>>();
  const users = new Map<string, FakeSlackUser>();
  const channels = new Map<string, string>();
  let repliesPageCap = Number.POSITIVE_INFINITY;
  const installs: FakeSlackInstall[] = [];
  let tsCounter = 0;
  const nextTs = () => `1700000000.${String(++tsCounter).padStart(6, "0")}`;

  const answer = (
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
  ): Record<string, unknown> => {
    const own = custom.get(method);
    if (own) return own(args);
    switch (method) {
      case "auth.test": {
        const installed = installs.find((install) => install.botToken === token);
        return {
          ok: true,
          url: "https://fake.slack.test/",
          team: installed?.teamName ?? "Fake",
          user: "thesis-bot",
          team_id: installed?.teamId ?? "T1",
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          ...(installed?.enterprise
            ? {
                enterprise_id: installed.enterprise.id,
                is_enterprise_install: Boolean(installed.orgWide),
              }
            : {}),
        };
      }
      case "oauth.v2.access": {
        const installed = installs.find((install) => install.code === args.code);
        if (!installed) return { ok: false, error: "invalid_code" };
        return {
          ok: true,
          app_id: "A1",
          authed_user: { id: "UINSTALLER" },
          scope: "commands,chat:write,chat:write.public,app_mentions:read,users:read",
          token_type: "bot",
          access_token: installed.botToken,
          bot_user_id: FAKE_BOT_USER_ID,
          // An org-wide install belongs to the organisation, not to one of its teams.
          team: installed.orgWide ? null : { id: installed.teamId, name: installed.teamName },
          enterprise: installed.enterprise ?? null,
          is_enterprise_install: Boolean(installed.orgWide),
        };
      }
      case "chat.postMessage": {
        const ts = nextTs();
        // Thread replies are not part of the channel's history, as on Slack.
        if (!args.thread_ts) history.push({ channel: String(args.channel), ts, args });
        else replies.push({ channel: String(args.channel), ts, args });
        return { ok: true, channel: args.channel, ts, message: { text: args.text } };
      }
      case "conversations.history": {
        const withMetadata = String(args.include_all_metadata) === "true";
        const limit = Number(args.limit ?? 100);
        const messages = history
          .filter((m) => m.channel === args.channel)
          .reverse()
          .slice(0, limit)
          .map(({ ts, args: posted }) => ({
            type: "message",
            ts,
            text: posted.text,
            bot_id: FAKE_BOT_ID,
            ...(withMetadata && posted.metadata ? { metadata: posted.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: nextTs() };
      case "users.info": {
        const user = users.get(String(args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: { name: user.id.toLowerCase(), is_admin: false, is_owner: false, ...user },
        };
      }
      case "conversations.replies": {
        // The parent, then its replies, oldest first, as Slack returns them: up to `latest`
        // (`inclusive` or not), `limit` per page, the rest behind `next_cursor`. The bot's own
        // posts and the messages a test put in a thread (addThreadMessage) are known here.
        const withMetadata = String(args.include_all_metadata) === "true";
        const inThread = (m: StoredMessage) =>
          m.channel === args.channel && (m.ts === args.ts || m.args.thread_ts === args.ts);
        const latest = typeof args.latest === "string" ? args.latest : undefined;
        const inclusive = String(args.inclusive) === "true";
        const thread = [...history.filter(inThread), ...replies.filter(inThread)]
          .sort((a, b) => a.ts.localeCompare(b.ts))
          .filter((m) => !latest || (inclusive ? m.ts <= latest : m.ts < latest));
        const start = Number(String(args.cursor ?? "0").replace(/^at:/, "")) || 0;
        const end = start + Math.min(Number(args.limit ?? 1000), repliesPageCap);
        const messages = thread.slice(start, end).map(({ ts, args: posted, user }) => ({
          type: "message",
          ts,
          text: posted.text,
          ...(user ? { user } : { bot_id: FAKE_BOT_ID }),
          ...(posted.thread_ts ? { thread_ts: posted.thread_ts } : {}),
          ...(withMetadata && posted.metadata ? { metadata: posted.metadata } : {}),
        }));
        const more = end < thread.length;
        return {
          ok: true,
          messages,
          has_more: more,
          ...(more ? { response_metadata: { next_cursor: `at:${end}` } } : {}),
        };
      }
      case "conversations.info": {
        const channel = String(args.channel);
        // An OAuth install that lists its channels sees those (and says whose team they are);
        // otherwise the channels named with setChannel.
        const installed = installs.find((install) => install.botToken === token);
        if (installed?.channels) {
          if (!installed.channels.includes(channel))
            return { ok: false, error: "channel_not_found" };
          return { ok: true, channel: { id: channel, context_team_id: installed.teamId } };
        }
        const name = channels.get(channel);
        if (!name) return { ok: false, error: "channel_not_found" };
        return { ok: true, channel: { id: channel, name, is_channel: true } };
      }
      case "views.publish":
        return { ok: true, view: { id: `V${nextTs()}`, ...(args.view as object) } };
      case "views.open":
        return { ok: true, view: { id: `V${nextTs()}` } };
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake");
    const args = parseArgs(body, req.headers["content-type"] ?? "");
    const token =
      (req.headers.authorization ?? "").replace(/^Bearer /, "") ||
      (typeof args.token === "string" ? args.token : undefined);
    let reply: Record<string, unknown>;
    if (url.pathname.startsWith("/response/")) {
      const responseId = url.pathname.slice("/response/".length);
      calls.push({ method: "response_url", args, responseId, at: performance.now() });
      reply = { ok: true };
    } else {
      const method = url.pathname.replace(/^\/api\//, "");
      calls.push({ method, args, at: performance.now(), ...(token ? { token } : {}) });
      reply = answer(method, args, token);
    }
    for (const wake of [...waiters]) wake();
    const text = JSON.stringify(reply);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callsTo = (method: string) => calls.filter((call) => call.method === method);

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo,
    handle: (method, fn) => void custom.set(method, fn),
    setUser: (user) => void users.set(user.id, user),
    setChannel: (id, name) => void channels.set(id, name),
    capRepliesPage: (size) => {
      repliesPageCap = size;
    },
    addThreadMessage: ({ channel, ts, threadTs, text, user, metadata }) =>
      void replies.push({
        channel,
        ts,
        args: { thread_ts: threadTs, text, ...(metadata ? { metadata } : {}) },
        ...(user ? { user } : {}),
      }),
    addInstall: (install) => void installs.push(install),
    waitForCalls(method, count = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = callsTo(method);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} ${method} call(s), got ${callsTo(method).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Web API calls arrive form-encoded with JSON-valued fields (blocks) as strings. */
function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (body === "") return {};
  if (contentType.includes("application/json")) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
