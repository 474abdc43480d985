// While the index loads, the HTTP server is already up (so /healthz, /readyz and /metrics
// answer, and an orchestrator can tell "loading" from "dead"), but the chat platforms' paths
// have nobody behind them yet. Until the adapters mount their own listeners on those paths
// (route(): last one wins), each answers 503 with Retry-After and a plain sentence:
//
// - a load balancer that follows /readyz sends no chat traffic to a loading replica at all;
// - Slack retries an event that got an error (Events API), so a mention asked during the
//   load is answered once a replica is up, instead of being acknowledged and lost;
// - a slash command or button gets Slack's own "didn't respond" notice, which is true;
// - Discord interactions over HTTP are retried by nobody, but nothing is half-done either.
//
// Acknowledging with a "still starting" text instead would need the signing secrets and each
// platform's reply format here, and would turn a retried event into a dropped one.
import type { ServerResponse } from "node:http";
import type { HttpServer } from "./http.ts";
import { sendJson } from "./webhook-io.ts";

/** Seconds a client is asked to wait before trying again. */
export const STARTING_RETRY_AFTER_S = 5;

export function refuseWhileStarting(server: HttpServer, paths: readonly string[]): void {
  for (const path of paths) {
    server.route(path, (req, res) => {
      req.resume();
      answerStarting(res);
    });
  }
}

/** 503, Retry-After and the sentence: not up yet, come back shortly. */
export function answerStarting(res: ServerResponse): void {
  sendJson(
    res,
    503,
    {
      ok: false,
      error: "starting",
      message: "thesis-bot is still loading its index; try again in a few seconds.",
    },
    { "retry-after": String(STARTING_RETRY_AFTER_S) },
  );
}
