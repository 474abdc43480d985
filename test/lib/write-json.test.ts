// writeJson gives the document JSON.stringify gives, and lets the event loop run between
// batches, so saving a large ledger does not hold every request behind it.
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeJson } from "../../src/lib/write-json.ts";

const dir = await mkdtemp(path.join(tmpdir(), "write-json-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function written(value: Record<string, unknown>, limits = { batch: 3, chars: 50 }) {
  const file = path.join(dir, `${Math.random()}.json`);
  const handle = await open(file, "w");
  try {
    await writeJson(handle, value, limits);
  } finally {
    await handle.close();
  }
  return readFile(file, "utf8");
}

describe("writeJson", () => {
  it("writes the same document as JSON.stringify, arrays in batches included", async () => {
    const value = {
      schemaVersion: 2,
      hash: "abc",
      empty: [],
      skipped: undefined,
      claims: Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, text: `claim "${i}"\n` })),
      long: ["x".repeat(120), "y", null, { nested: [1, 2, 3] }],
      topics: { tao: { aliases: ["$TAO"] } },
    };
    const text = await written(value);
    expect(text).toBe(JSON.stringify(value));
  });

  it("gives the event loop a turn between batches", async () => {
    let turns = 0;
    let keepCounting = true;
    const count = () => {
      turns++;
      if (keepCounting) setImmediate(count);
    };
    setImmediate(count);
    await written({ items: Array.from({ length: 40 }, (_, i) => i) }, { batch: 4, chars: 1e6 });
    keepCounting = false;
    // Ten batches, each followed by a turn of the loop in which the counter runs.
    expect(turns).toBeGreaterThanOrEqual(10);
  });
});
