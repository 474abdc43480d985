// The one way Redis is opened (the store and the model cache): the first connection gets a few
// seconds and then fails with a sentence naming REDIS_URL, where the client alone would retry
// forever in silence. Once up, a lost connection is retried for as long as it takes, and
// commands issued meanwhile fail at once (no offline queue) so callers can degrade instead
// of hanging on a reply that may never come.
import { createClient } from "@keyv/redis";

export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

type ReconnectStrategy = (retries: number, cause: Error) => number | Error;

function newClient(url: string, connectTimeout: number, reconnectStrategy: ReconnectStrategy) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout, reconnectStrategy },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

export interface ConnectRedisOptions {
  /** How long the first connection may take before start-up gives up. Default 3 s. */
  firstConnectMs?: number;
}

/** Reconnection waits: short at first, then every two seconds while Redis stays away. */
const retryDelay = (retries: number) => Math.min(100 * 2 ** retries, 2_000);

export async function connectRedis(
  url: string,
  options: ConnectRedisOptions = {},
): Promise<RedisClient> {
  const firstConnectMs = options.firstConnectMs ?? 3_000;
  const deadline = Date.now() + firstConnectMs;
  let connected = false;
  let lastCause: unknown;
  let client: RedisClient;
  try {
    client = newClient(url, Math.min(2_000, firstConnectMs), (retries, cause) => {
      if (!connected && Date.now() >= deadline) return new Error("gave up on the first connection");
      // Kept only while retrying: once it gives up, the client calls this again with its own error.
      lastCause = cause;
      return connected ? retryDelay(retries) : 200;
    });
  } catch (error) {
    // The client parses the URL itself and refuses schemes other than redis: and rediss:.
    throw new RedisUnavailableError(
      `REDIS_URL (${shownUrl(url)}) is not a Redis URL (${reasonOf(error)}): write it as redis://host:6379 or rediss://host:6380.`,
    );
  }
  // Errors while reconnecting are expected; the commands that fail meanwhile say so to their callers.
  client.on("error", () => {});
  client.on("ready", () => {
    connected = true;
  });
  try {
    await client.connect();
  } catch (error) {
    // A client that gave up has closed itself; one still trying is stopped here.
    if (client.isOpen) client.destroy();
    throw new RedisUnavailableError(
      `Could not reach Redis at REDIS_URL (${shownUrl(url)}) within ${firstConnectMs / 1000} s (${reasonOf(lastCause ?? error)}): start Redis there, or unset REDIS_URL to keep state in SQLite under DATA_DIR.`,
    );
  }
  return client;
}

/** The URL without its password, fit for a log line. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").replace(/\.$/, "") || "no answer";
}

/** Closes gracefully when connected; a client still reconnecting has nothing to flush. */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close();
  else if (client.isOpen) client.destroy();
}

const UNREACHABLE_ERRORS = new Set([
  "ClientOfflineError",
  "ClientClosedError",
  "SocketClosedUnexpectedlyError",
  "ConnectionTimeoutError",
  "ReconnectStrategyError",
]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

/** True when `error` says Redis could not be reached, as opposed to a bad command or reply. */
export function isRedisUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    UNREACHABLE_ERRORS.has(error.constructor.name) ||
    (typeof code === "string" && NETWORK_CODES.has(code))
  );
}
