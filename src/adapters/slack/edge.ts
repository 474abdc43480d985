// Slack's HTTP edge: the Bolt receiver behind POST /slack/events. It replaces Bolt's
// HTTPReceiver, which trusts the shape of what it parses (a validly signed `null` body
// killed the process on `body.ssl_check`) and acknowledges only once Bolt's whole
// middleware chain has reached a listener. Here every request is read, its signature
// checked (refusing timestamps too far in the future as well as in the past; Bolt only
// refuses old ones), its body parsed and checked with zod (inbound.ts), and acknowledged at
// once; only then does Bolt process it, with an ack() that has nothing left to do.
//
//   other methods          -> 405 (Allow: POST)
//   over the size limit    -> 413
//   unsigned, forged, old
//   or future timestamp    -> 401
//   not something Slack
//   sends, or mis-shaped   -> 400, with the reason in the debug log
//   ssl_check              -> 200 (Slack's unsigned SSL check)
//   url_verification       -> 200 with the challenge
//   anything else          -> 200 with an empty body, then Bolt runs the listeners
//
// Acknowledging before Bolt runs is right for this app: no listener of ours answers in the
// acknowledgement itself (they all call ack() with nothing and answer through response_url
// or the Web API), and a request no listener takes should be acknowledged too.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { App, Receiver } from "@slack/bolt";
import { inRequest } from "../../lib/request-context.ts";
import { answerStarting } from "../../server/starting.ts";
import { answerTurns } from "../../server/turns.ts";
import { readBody, refuseUnlessPost, sendJson } from "../../server/webhook-io.ts";
import { checkSlackBody } from "./inbound.ts";
import { checkSlackSignature } from "./verify.ts";

/** Slack's own payloads are a few kilobytes; Bolt's default limit is 4 MB. */
const MAX_BODY_BYTES = 1_000_000;

export interface SlackEdgeOptions {
  signingSecret: string;
  /** Why a request was refused; refusals are routine, so this is debug-level. */
  debug: (message: string) => void;
  /** A failure inside Bolt after the acknowledgement (a listener's own errors go to app.error). */
  log: (message: string, error: unknown) => void;
  /** Bolt's processing of an acknowledged request: shutdown waits for it. */
  track: (work: Promise<unknown>) => void;
  nowSeconds?: () => number;
}

export interface SlackEdge {
  /** Give this to the Bolt App as its receiver. */
  receiver: Receiver;
  /** Mount this at POST /slack/events on the shared server. */
  listener: RequestListener;
}

export function createSlackEdge(options: SlackEdgeOptions): SlackEdge {
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  let app: App | undefined;
  const refuse = (res: ServerResponse, status: number, why: string) => {
    options.debug(`Slack: refused a request with ${status} (${why}).`);
    sendJson(res, status, { ok: false, error: why });
  };

  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    if (refuseUnlessPost(req, res)) return;
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) return refuse(res, read.status, "the body could not be read");
    const inbound = checkSlackBody(read.body, req.headers["content-type"]);
    if (inbound.ok && inbound.kind === "ssl_check") return acknowledge(res);
    const verdict = checkSlackSignature({
      signingSecret: options.signingSecret,
      signature: req.headers["x-slack-signature"],
      timestamp: req.headers["x-slack-request-timestamp"],
      body: read.body,
      nowSeconds: nowSeconds(),
    });
    if (verdict !== "ok") return refuse(res, 401, `signature ${verdict}`);
    if (!inbound.ok) return refuse(res, 400, inbound.reason);
    if (inbound.kind === "url_verification") {
      return sendJson(res, 200, { challenge: inbound.body.challenge });
    }
    // Before Bolt is initialised (start() still checking the token) nothing could answer:
    // refuse like the placeholder did (src/server/starting.ts) rather than acknowledge and drop.
    if (!app) {
      options.debug("Slack: refused a request that arrived before the app was ready.");
      return answerStarting(res);
    }
    acknowledge(res);
    const retryNum = Number(req.headers["x-slack-retry-num"]);
    const retryReason = req.headers["x-slack-retry-reason"];
    const event = {
      body: inbound.body,
      ack: async () => {},
      ...(Number.isInteger(retryNum) ? { retryNum } : {}),
      ...(typeof retryReason === "string" ? { retryReason } : {}),
    };
    const bolt = app;
    // Bolt's middleware and our listeners wait their turn (src/server/turns.ts), so the
    // rest of a burst of requests is acknowledged before any of them is processed. Each
    // request gets its id here, so every log line written while answering it carries it.
    const processed = inRequest(() =>
      answerTurns
        .next()
        .then(() => bolt.processEvent(event))
        .catch((error: unknown) => options.log("Slack: processing a request failed", error)),
    );
    options.track(processed);
  };

  const receiver: Receiver = {
    init(boltApp) {
      app = boltApp;
    },
    // The shared HTTP server listens and stops; there is nothing of its own to start.
    start: async () => undefined,
    stop: async () => undefined,
  };
  return { receiver, listener };
}

/** An empty 200; with its length given, the whole answer goes out in one write. */
function acknowledge(res: ServerResponse): void {
  res.writeHead(200, { "content-length": "0" }).end();
}
