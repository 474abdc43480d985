// The load generator of bench/slack-replicas.bench.ts, in a worker thread so that sending
// does not share an event loop with receiving the answers: each message is one burst of
// signed deliveries, all written at once, each timed from the moment its bytes are written
// to the moment its acknowledgement has been read.
//
// It speaks HTTP/1.1 over raw keep-alive sockets (node:net) with every request serialised
// before the burst starts, so a request costs the sender one socket write and one small
// parse: the figures are the bot's, not the client's. With node:http's client the sender
// itself spent tens of milliseconds of a 200-request burst building requests and parsing
// responses on its one thread (measured: sender p50 54-92 ms while the replicas' own
// thesis_ack_seconds put 95% of acknowledgements under 5 ms).
// Messages: { burst: Targeted[] } in -> { sent: Sent[] } out.
import { connect, type Socket } from "node:net";
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

const now = () => performance.timeOrigin + performance.now();
const HEADER_END = Buffer.from("\r\n\r\n");

/** The whole request, as bytes, for one write. */
function serialise(delivery: Targeted): Buffer {
  const body = Buffer.from(delivery.body);
  const headers = Object.entries({ ...delivery.headers, "content-length": String(body.length) })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  const head = `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1:${delivery.port}\r\n${headers}\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}

/**
 * One kept-alive connection: sends one request at a time and resolves with the response's
 * status once its head and its content-length of body have arrived; 0 when the connection
 * fails or closes first.
 */
class Connection {
  readonly socket: Socket;
  readonly ready: Promise<void>;
  closed = false;
  #pending: { resolve: (status: number) => void; buffered: Buffer } | undefined;

  constructor(port: number) {
    this.socket = connect({ port, host: "127.0.0.1", noDelay: true });
    this.ready = new Promise((resolve) => this.socket.once("connect", () => resolve()));
    this.socket.on("data", (chunk) => this.#read(chunk));
    const fail = () => {
      this.closed = true;
      const pending = this.#pending;
      this.#pending = undefined;
      pending?.resolve(0);
    };
    this.socket.on("error", fail);
    this.socket.on("close", fail);
  }

  send(bytes: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.#pending = { resolve, buffered: Buffer.alloc(0) };
      this.socket.write(bytes);
    });
  }

  #read(chunk: Buffer): void {
    const pending = this.#pending;
    if (!pending) return;
    pending.buffered = Buffer.concat([pending.buffered, chunk]);
    const end = pending.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = pending.buffered.subarray(0, end).toString("latin1");
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (pending.buffered.length < end + HEADER_END.length + length) return;
    this.#pending = undefined;
    pending.resolve(Number(head.slice(9, 12)));
  }
}

/** Idle connections per port, reused across bursts as Slack's keep-alive ones would be. */
const idle = new Map<number, Connection[]>();

async function connection(port: number): Promise<Connection> {
  const pool = idle.get(port) ?? [];
  idle.set(port, pool);
  for (let c = pool.pop(); c; c = pool.pop()) if (!c.closed) return c;
  const fresh = new Connection(port);
  await fresh.ready;
  return fresh;
}

async function send(delivery: Targeted, bytes: Buffer): Promise<Sent> {
  for (let attempt = 0; ; attempt++) {
    const c = await connection(delivery.port);
    const sentAt = now();
    const status = await c.send(bytes);
    const ackMs = now() - sentAt;
    // A kept-alive connection the server closed as idle just as it was reused never reached
    // the bot: send again on a fresh one, as any HTTP client (Slack's included) would.
    if (status === 0 && attempt === 0) continue;
    if (!c.closed) idle.get(delivery.port)?.push(c);
    return { key: delivery.key, sentAt, ackMs, status };
  }
}

parentPort?.on("message", async ({ burst }: { burst: Targeted[] }) => {
  // Every request is serialised before the first is written, so none waits on another's bytes.
  const ready = burst.map((delivery) => ({ delivery, bytes: serialise(delivery) }));
  const sent = await Promise.all(ready.map(({ delivery, bytes }) => send(delivery, bytes)));
  parentPort?.postMessage({ sent });
});
