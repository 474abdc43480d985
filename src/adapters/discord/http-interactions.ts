// Discord's HTTP interactions endpoint as a plain node:http listener for
// `POST /discord/interactions` (src/app/chat.ts mounts it on the shared server). Signed
// requests only: PING -> PONG; anything else goes to the dispatch the gateway feeds too
// (interactions.ts), whose first response is this request's response: a deferral (type 5,
// or 6 for paging) now and the answer through the interaction webhook moments later, or
// autocomplete choices inline. Other methods get 405; unsigned, forged, stale or
// future-stamped requests 401; a signed body that is not an interaction (inbound.ts,
// checked with zod), or one the bot does not serve, 400 and a debug log line, never a throw.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, refuseUnlessPost, sendJson } from "../../server/webhook-io.ts";
import { checkInteraction } from "./inbound.ts";
import { answerInteraction, type InteractionDeps } from "./interactions.ts";
import type { FirstResponse } from "./turns.ts";
import { checkSignature, ed25519PublicKey } from "./verify.ts";

/** Where src/app/chat.ts mounts the listener on the shared HTTP server. */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const MAX_BODY_BYTES = 1_000_000;

export function createInteractionsListener(options: {
  deps: InteractionDeps;
  publicKey: string;
  /** Answers still being written after their request was acknowledged (for shutdown). */
  track: (answer: Promise<void>) => void;
  nowSeconds?: () => number;
}): RequestListener {
  const { deps } = options;
  const key = ed25519PublicKey(options.publicKey);
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  const refuse = (res: ServerResponse, status: number, why: string) => {
    deps.log.debug?.(`Discord: refused an interaction request with ${status} (${why}).`);
    sendJson(res, status, { error: why });
  };

  return async (req, res) => {
    if (refuseUnlessPost(req, res)) return;
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) return refuse(res, read.status, "The request body could not be read.");
    const verdict = checkSignature({
      key,
      signature: req.headers["x-signature-ed25519"],
      timestamp: req.headers["x-signature-timestamp"],
      body: read.body,
      nowSeconds: nowSeconds(),
    });
    if (verdict !== "ok") return refuse(res, 401, `Bad request signature (${verdict}).`);
    const checked = checkInteraction(read.body);
    if (!checked.ok) return refuse(res, 400, `The body is ${checked.reason}.`);
    if (checked.interaction.type === 1) return sendJson(res, 200, { type: 1 });
    let responded = false;
    const first: FirstResponse = async (response) => {
      responded = true;
      sendJson(res, 200, response);
    };
    const answered = answerInteraction(deps, checked.interaction, first);
    options.track(answered);
    try {
      await answered;
    } catch (error) {
      deps.log.error("Answering an HTTP interaction failed", error);
    }
    if (!responded) refuse(res, 400, "Not an interaction this bot serves.");
  };
}
