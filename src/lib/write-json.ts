// Writes a large JSON document without holding the event loop: JSON.stringify of a 10 MB
// corpus's ledger takes 1–3 s in one piece, long enough for Slack and Discord to give up on
// every request that arrives meanwhile (they allow 3 s). The top-level arrays are written a
// batch of elements at a time, and each write is awaited, so the loop answers requests
// between batches. The text is the same document JSON.stringify would give.
import type { FileHandle } from "node:fs/promises";
import { setImmediate as nextIteration } from "node:timers/promises";

export const WRITE_JSON_DEFAULTS = {
  /** Array elements stringified between two turns of the event loop, at most. Defaults to 500. */
  batch: 500,
  /** Characters written between two turns, at most (a document's text can be long). Defaults to 1 MB. */
  chars: 1_000_000,
};

/** Writes `value` (a plain object: no toJSON, no functions) to `handle` as JSON. */
export async function writeJson(
  handle: FileHandle,
  value: Record<string, unknown>,
  limits = WRITE_JSON_DEFAULTS,
): Promise<void> {
  let first = true;
  await handle.write("{");
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === "function") continue;
    await handle.write(`${first ? "" : ","}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(field)) {
      await handle.write(JSON.stringify(field));
      continue;
    }
    await handle.write("[");
    let written = 0;
    let parts: string[] = [];
    let chars = 0;
    const flush = async () => {
      await handle.write(`${written > 0 ? "," : ""}${parts.join(",")}`);
      await nextIteration();
      written += parts.length;
      [parts, chars] = [[], 0];
    };
    for (const item of field) {
      const text = JSON.stringify(item) ?? "null";
      parts.push(text);
      chars += text.length;
      if (parts.length >= limits.batch || chars >= limits.chars) await flush();
    }
    if (parts.length > 0) await flush();
    await handle.write("]");
  }
  await handle.write("}");
}
