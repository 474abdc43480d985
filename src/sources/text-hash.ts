import { createHash } from "node:crypto";

/** Same article, same hash: white space (and line ends) do not count. */
export function textHash(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim()).digest("hex");
}

/** A short stable id from any string. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}
