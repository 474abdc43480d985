// Reading and answering webhook requests at the edge (Slack events, Discord interactions).
// The platforms sign the exact bytes, so a body is always read whole before anything looks
// at it; a body over the limit is drained and reported, never kept in memory.
import type { IncomingMessage, ServerResponse } from "node:http";

export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 400 | 413 };

export function readBody(req: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(
        size > limitBytes ? { ok: false, status: 413 } : { ok: true, body: Buffer.concat(chunks) },
      ),
    );
    req.on("error", () => resolve({ ok: false, status: 400 }));
  });
}

/** A short JSON answer; every refusal at the edge goes through here. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** 405 for anything but POST on a webhook endpoint, saying which method is allowed. */
export function refuseUnlessPost(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "POST") return false;
  sendJson(res, 405, { ok: false, error: "method_not_allowed" }, { allow: "POST" });
  return true;
}
