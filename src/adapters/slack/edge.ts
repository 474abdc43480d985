// The gate in front of Bolt's HTTPReceiver on POST /slack/events. Bolt reads, verifies and
// parses the body itself, then trusts its shape: a validly signed `null` body kills the
// process on `body.ssl_check`. So every request is read here first, its signature checked
// (refusing timestamps too far in the future, which Bolt accepts), its body parsed and
// checked with zod; only then does Bolt get it. Bolt skips reading a request that already
// carries `rawBody` (HTTPModuleFunctions.bufferIncomingMessage), so it gets the same bytes.
//
//   other methods          -> 405 (Allow: POST)
//   over the size limit    -> 413
//   unsigned, forged, old
//   or future timestamp    -> 401
//   not something Slack
//   sends, or mis-shaped   -> 400, with the reason in the debug log
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { readBody, refuseUnlessPost, sendJson } from "../../server/webhook-io.ts";
import { checkSlackBody, FORM_CONTENT_TYPE, mediaType } from "./inbound.ts";
import { checkSlackSignature } from "./verify.ts";

/** Slack's own payloads are a few kilobytes; Bolt's default limit is 4 MB. */
const MAX_BODY_BYTES = 1_000_000;

export interface SlackEdgeOptions {
  signingSecret: string;
  /** Bolt's receiver.requestListener. */
  next: RequestListener;
  /** Why a request was refused; refusals are routine, so this is debug-level. */
  debug: (message: string) => void;
  nowSeconds?: () => number;
}

export function guardSlackRequests(options: SlackEdgeOptions): RequestListener {
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const refuse = (res: ServerResponse, status: number, why: string) => {
    options.debug(`Slack: refused a request with ${status} (${why}).`);
    sendJson(res, status, { ok: false, error: why });
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (refuseUnlessPost(req, res)) return;
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) return refuse(res, read.status, "the body could not be read");
    const body = read.body;
    // "...; charset=utf-8" is still form data; Bolt would try it as JSON.
    const isForm = mediaType(req.headers["content-type"]) === FORM_CONTENT_TYPE;
    if (isForm) req.headers["content-type"] = FORM_CONTENT_TYPE;
    const inbound = checkSlackBody(body, req.headers["content-type"]);
    // Slack's SSL check is unsigned; Bolt answers it (and drops anything smuggled with it).
    if (!(isForm && inbound.ok && inbound.kind === "ssl_check")) {
      const verdict = checkSlackSignature({
        signingSecret: options.signingSecret,
        signature: req.headers["x-slack-signature"],
        timestamp: req.headers["x-slack-request-timestamp"],
        body,
        nowSeconds: nowSeconds(),
      });
      if (verdict !== "ok") return refuse(res, 401, `signature ${verdict}`);
      if (!inbound.ok) return refuse(res, 400, inbound.reason);
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    return options.next(req, res);
  };
}
