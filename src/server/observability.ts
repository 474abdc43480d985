// GET /metrics (Prometheus text) and GET /readyz on the shared HTTP server, and the
// acknowledgement latency of the chat platforms' routes. /healthz (http.ts) says the
// process is up; /readyz says it can answer: the index is loaded and the store answers.
import type { HttpServer } from "./http.ts";
import { sendJson } from "./webhook-io.ts";

export const METRICS_PATH = "/metrics";
export const READY_PATH = "/readyz";

export interface Observability {
  metrics: { text(): Promise<string>; readonly contentType: string };
  ready(): Promise<boolean>;
  /** The routes whose response is a platform's acknowledgement (Slack events, …). */
  ackRoutes: readonly string[];
  ackSent(route: string, seconds: number): void;
}

export function mountObservability(server: HttpServer, o: Observability): void {
  server.route(METRICS_PATH, async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { ok: false, error: "method_not_allowed" });
      return;
    }
    const body = await o.metrics.text();
    res.writeHead(200, { "content-type": o.metrics.contentType });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  server.route(READY_PATH, async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { ok: false, error: "method_not_allowed" });
      return;
    }
    const ready = await o.ready().catch(() => false);
    sendJson(res, ready ? 200 : 503, { ok: ready });
  });
  server.onResponse((path, seconds) => {
    if (o.ackRoutes.includes(path)) o.ackSent(path, seconds);
  });
}
