// Signing Discord HTTP interactions the way Discord does: Ed25519 over timestamp + body,
// with a key pair the test makes (the adapter gets the public key as 64 hex characters).
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface DiscordKeys {
  privateKey: KeyObject;
  /** What DISCORD_PUBLIC_KEY holds: the raw 32-byte public key in hex. */
  publicKeyHex: string;
}

export function discordKeys(): DiscordKeys {
  const keys = generateKeyPairSync("ed25519");
  const jwk = keys.publicKey.export({ format: "jwk" });
  return {
    privateKey: keys.privateKey,
    publicKeyHex: Buffer.from(jwk.x ?? "", "base64url").toString("hex"),
  };
}

/** The two headers Discord sends with a body signed at `timestamp` (seconds). */
export function signDiscord(
  body: string,
  privateKey: KeyObject,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = sign(null, Buffer.from(String(timestamp) + body), privateKey);
  return {
    "x-signature-ed25519": signature.toString("hex"),
    "x-signature-timestamp": String(timestamp),
  };
}
