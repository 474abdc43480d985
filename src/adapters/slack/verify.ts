// Slack's request signature (v0=HMAC-SHA256 of "v0:<timestamp>:<body>" with the signing
// secret), checked at the edge before Bolt sees the request. Bolt checks it too, but only
// refuses old timestamps; a request stamped in the future is as much a replay risk (a
// captured request with a far-future stamp would stay valid for as long), so both are refused.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a request's timestamp may be from our clock, either way. */
export const MAX_SLACK_CLOCK_SKEW_SECONDS = 300;

export type SlackSignatureCheck = "ok" | "missing" | "stale" | "future" | "forged";

export function checkSlackSignature(options: {
  signingSecret: string;
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  body: Buffer;
  nowSeconds: number;
}): SlackSignatureCheck {
  const { signature, timestamp, nowSeconds } = options;
  if (
    typeof signature !== "string" ||
    typeof timestamp !== "string" ||
    !/^\d{1,12}$/.test(timestamp) ||
    !/^v0=[0-9a-f]{64}$/.test(signature)
  ) {
    return "missing";
  }
  const expected = createHmac("sha256", options.signingSecret)
    .update(`v0:${timestamp}:`)
    .update(options.body)
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(signature.slice(3), "hex"))) return "forged";
  const age = nowSeconds - Number(timestamp);
  if (age > MAX_SLACK_CLOCK_SKEW_SECONDS) return "stale";
  if (-age > MAX_SLACK_CLOCK_SKEW_SECONDS) return "future";
  return "ok";
}
