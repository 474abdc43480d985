// Fetches one web page for `sources add`: a total time limit, a size limit counted while the
// body streams in (a lying or missing Content-Length does not matter), at most a few
// redirects with every hop checked again, and no private addresses (see address-guard.ts).
// Written on node:http rather than fetch() because only http.request lets the guard run on
// the very address the socket connects to.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import zlib from "node:zlib";
import { guardedLookup, isPrivateAddress, PrivateAddressError } from "./address-guard.ts";
import { SourceError } from "./errors.ts";

export const FETCH_DEFAULTS = {
  /** Defaults to 5 MB (SOURCES_MAX_BYTES). */
  maxBytes: 5 * 1024 * 1024,
  /** Defaults to 15 s for the whole fetch, redirects included (SOURCES_TIMEOUT_MS). */
  timeoutMs: 15_000,
  /** Defaults to 5. */
  maxRedirects: 5,
};

export interface FetchOptions {
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Allow private, loopback and link-local addresses (SOURCES_ALLOW_PRIVATE=1; tests, intranets). */
  allowPrivate?: boolean;
}

export interface FetchedPage {
  /** The URL after redirects. */
  url: string;
  /** Lower case, without parameters ("text/html"); "" when the server sent none. */
  contentType: string;
  /** The charset parameter, if any. */
  charset?: string;
  bytes: Buffer;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function parseSourceUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SourceError("bad-url", "That is not a web address: give one starting with https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new SourceError("bad-url", "Only http:// and https:// addresses can be added.");
  if (url.username || url.password)
    throw new SourceError("bad-url", "Addresses with a user name or password cannot be added.");
  return url;
}

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const settings = { ...FETCH_DEFAULTS, allowPrivate: false, ...options };
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  let url = parseSourceUrl(address);
  for (let hop = 0; ; hop++) {
    const response = await request(url, settings, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= settings.maxRedirects)
        throw new SourceError(
          "too-many-redirects",
          `The page redirected more than ${settings.maxRedirects} times, so it was not fetched.`,
        );
      url = parseSourceUrl(new URL(response.headers.location, url).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new SourceError("http-status", `The site answered with HTTP ${status}, not a page.`);
    }
    const [type = "", ...parameters] = (response.headers["content-type"] ?? "").split(";");
    const charset = parameters
      .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)/i.exec(p)?.[1])
      .find(Boolean);
    const bytes = await readBody(response, settings.maxBytes, deadline);
    return {
      url: url.href,
      contentType: type.trim().toLowerCase(),
      ...(charset ? { charset: charset.toLowerCase() } : {}),
      bytes,
    };
  }
}

function request(
  url: URL,
  settings: Required<FetchOptions>,
  deadline: AbortSignal,
): Promise<IncomingMessage> {
  // The socket's lookup is skipped for a literal IP, so a literal is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!settings.allowPrivate && isIP(host) && isPrivateAddress(host))
    return Promise.reject(privateAddress(url.hostname));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        signal: deadline,
        headers: {
          "user-agent": "thesis-bot (sources add)",
          accept: "text/html, text/markdown, text/plain;q=0.9, */*;q=0.1",
          "accept-encoding": "gzip, deflate, br",
        },
        ...(settings.allowPrivate ? {} : { lookup: guardedLookup as never }),
      },
      resolve,
    );
    req.on("error", (error) => reject(translate(error, url)));
  });
}

async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  deadline: AbortSignal,
): Promise<Buffer> {
  const tooLarge = () =>
    new SourceError(
      "too-large",
      `The page is larger than ${megabytes(maxBytes)}, so it was not added.`,
    );
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers["content-encoding"]) {
    response.destroy();
    throw tooLarge();
  }
  const encoding = String(response.headers["content-encoding"] ?? "").toLowerCase();
  const body =
    encoding === "gzip" || encoding === "x-gzip"
      ? response.pipe(zlib.createGunzip())
      : encoding === "deflate"
        ? response.pipe(zlib.createInflate())
        : encoding === "br"
          ? response.pipe(zlib.createBrotliDecompress())
          : response;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      // Counted after decompression: a small gzip bomb is as large as what it unpacks to.
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    response.destroy();
    if (error instanceof SourceError) throw error;
    if (deadline.aborted) throw timedOut();
    throw new SourceError("unreachable", "The connection broke while the page was being read.");
  }
  return Buffer.concat(chunks);
}

const timedOut = () =>
  new SourceError("timed-out", "The site took too long to answer, so the page was not fetched.");

function privateAddress(host: string): SourceError {
  return new SourceError(
    "private-address",
    `${host} is a private, loopback or link-local address, which sources may not be fetched from.`,
  );
}

function translate(error: Error, url: URL): SourceError {
  if (error instanceof PrivateAddressError) return privateAddress(url.hostname);
  if (error.name === "AbortError" || error.name === "TimeoutError") return timedOut();
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new SourceError("unreachable", `No site answers to the name ${url.hostname}.`);
  return new SourceError("unreachable", `The site at ${url.hostname} could not be reached.`);
}
