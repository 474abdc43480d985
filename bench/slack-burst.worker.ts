// The load generator of bench/slack-replicas.bench.ts, in a worker thread so that sending
// does not share an event loop with receiving the answers: each message is one burst of
// signed deliveries, all written at once over keep-alive connections (node:http, the
// lightest client, so the figures are the bot's), each timed from the moment it is written
// to the moment its acknowledgement is read.
// Messages: { burst: Targeted[] } in -> { sent: Sent[] } out.
import { Agent, request } from "node:http";
import { parentPort } from "node:worker_threads";
import type { Delivery } from "../test/integration/slack-replicas.ts";

/** A delivery addressed to one replica's port, with the key the bench knows it by. */
export interface Targeted extends Delivery {
  key: string;
  port: number;
}

export interface Sent {
  key: string;
  /** performance.timeOrigin + performance.now() when the request was written. */
  sentAt: number;
  ackMs: number;
  status: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 500 });
const now = () => performance.timeOrigin + performance.now();

function send(delivery: Targeted): Promise<Sent> {
  return new Promise((resolve) => {
    const attempt = (retried: boolean) => {
      const sentAt = now();
      const done = (status: number) =>
        resolve({ key: delivery.key, sentAt, ackMs: now() - sentAt, status });
      const req = request({
        port: delivery.port,
        host: "127.0.0.1",
        path: "/slack/events",
        method: "POST",
        agent,
        headers: { ...delivery.headers, "content-length": Buffer.byteLength(delivery.body) },
      });
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => done(res.statusCode ?? 0));
      });
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as idle just as it was reused (Node's
        // documented keep-alive race): the request never reached the bot, so send it again
        // on a fresh connection, as any HTTP client (Slack's included) would.
        if (!retried && req.reusedSocket && error.code === "ECONNRESET") attempt(true);
        else done(0);
      });
      req.end(delivery.body);
    };
    attempt(false);
  });
}

parentPort?.on("message", async ({ burst }: { burst: Targeted[] }) => {
  parentPort?.postMessage({ sent: await Promise.all(burst.map(send)) });
});
