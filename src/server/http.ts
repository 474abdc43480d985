// The one HTTP server of the process. Platforms mount their endpoints on it by path:
//
//   const server = createHttpServer({ log });
//   server.route("/slack/events", listener);          // any node:http RequestListener
//   server.route("/discord/interactions", listener);  // the listener checks the method itself
//   server.onShutdown(() => adapter.drain());          // work that outlives its response
//   const port = await server.start(3000, "0.0.0.0");
//   ...
//   await server.stop();  // stop accepting, let requests and drains finish (capped), close
//
// GET /healthz answers {"ok":true}; any other path is a 404. GET /metrics and /readyz are
// mounted by observability.ts. One port means one thing to
// expose and one place that knows how to shut down gracefully.
import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InFlight } from "./in-flight.ts";
import { sendJson } from "./webhook-io.ts";

export interface HttpServerOptions {
  /** How long stop() waits for in-flight requests and drains before closing sockets. */
  shutdownGraceMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface HttpServer {
  /** Mounts a listener on an exact path (the query string is ignored). Last one wins. */
  route(path: string, listener: RequestListener): void;
  /** Work stop() must wait for, such as an answer posted after the request was acknowledged. */
  onShutdown(drain: () => Promise<unknown>): void;
  /** Told when a routed request's response has been sent, with its path and duration. */
  onResponse(observer: (path: string, seconds: number) => void): void;
  /** Listens and resolves with the bound port (useful with port 0). */
  start(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
  readonly port: number | undefined;
}

const DEFAULT_GRACE_MS = 10_000;

export function createHttpServer(options: HttpServerOptions = {}): HttpServer {
  const graceMs = options.shutdownGraceMs ?? DEFAULT_GRACE_MS;
  const log = options.log ?? ((message, error) => console.error(message, error ?? ""));
  const routes = new Map<string, RequestListener>();
  const drains: (() => Promise<unknown>)[] = [];
  const observers: ((path: string, seconds: number) => void)[] = [];
  const requests = new InFlight();
  let stopping: Promise<void> | undefined;

  const server: Server = createServer((req, res) => {
    const done = new Promise<void>((resolve) => res.once("close", resolve));
    void requests.track(done);
    if (stopping) res.setHeader("connection", "close");
    const listener = routes.get(pathOf(req));
    if (listener) {
      if (observers.length > 0) {
        const started = performance.now();
        res.once("finish", () => {
          const seconds = (performance.now() - started) / 1000;
          for (const observe of observers) observe(pathOf(req), seconds);
        });
      }
      try {
        // A listener may be async (returns a promise); catch its rejection as well.
        const result: unknown = listener(req, res);
        if (result instanceof Promise) result.catch((error) => fail(res, error));
      } catch (error) {
        fail(res, error);
      }
      return;
    }
    if (pathOf(req) === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      sendJson(res, stopping ? 503 : 200, stopping ? { ok: false, stopping: true } : { ok: true });
      return;
    }
    sendJson(res, 404, { ok: false, error: "not_found" });
  });

  function fail(res: Parameters<RequestListener>[1], error: unknown) {
    log("HTTP listener failed", error);
    if (!res.headersSent) sendJson(res, 500, { ok: false, error: "internal_error" });
    else res.end();
  }

  return {
    route(path, listener) {
      routes.set(path, listener);
    },
    onShutdown(drain) {
      drains.push(drain);
    },
    onResponse(observer) {
      observers.push(observer);
    },
    start(port, host = "0.0.0.0") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const work = Promise.allSettled([requests.idle(), ...drains.map((drain) => drain())]);
        const timedOut = await Promise.race([
          work.then(() => false),
          new Promise<boolean>((resolve) => setTimeout(resolve, graceMs, true).unref()),
        ]);
        if (timedOut) log(`Shutdown: work still running after ${graceMs} ms; closing anyway`);
        server.closeAllConnections();
        if (server.listening) await closed;
      })();
      return stopping;
    },
    get port() {
      const address = server.address();
      return address && typeof address === "object" ? address.port : undefined;
    },
  };
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
