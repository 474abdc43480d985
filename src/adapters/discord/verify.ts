// Ed25519 verification of Discord's HTTP interactions with node:crypto only. Discord signs
// timestamp + body with the application's key; the Developer Portal shows the public key as
// 32 raw bytes in hex, which node needs wrapped in an SPKI (DER) envelope.
import { createPublicKey, type KeyObject, verify } from "node:crypto";

const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** How old a signed request may be before it is refused as a replay. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export function ed25519PublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, "hex");
  if (raw.length !== 32) throw new Error("DISCORD_PUBLIC_KEY must be 64 hex characters.");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: "der",
    type: "spki",
  });
}

export type SignatureCheck = "ok" | "missing" | "stale" | "forged";

export function checkSignature(options: {
  key: KeyObject;
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  body: Buffer;
  nowSeconds: number;
}): SignatureCheck {
  const { key, signature, timestamp, body, nowSeconds } = options;
  if (
    typeof signature !== "string" ||
    typeof timestamp !== "string" ||
    !/^\d{1,12}$/.test(timestamp) ||
    !/^[0-9a-f]{128}$/i.test(signature)
  ) {
    return "missing";
  }
  const message = Buffer.concat([Buffer.from(timestamp), body]);
  if (!verify(null, message, key, Buffer.from(signature, "hex"))) return "forged";
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return "stale";
  return "ok";
}
