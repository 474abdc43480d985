// The process log's two forms: JSON lines carrying the request id of the interaction being
// answered (through awaits and timers), and the readable lines a person reads.
import { describe, expect, it } from "vitest";
import { createAppLog } from "../../src/app/log.ts";
import { currentRequestId, inRequest } from "../../src/lib/request-context.ts";

function collect(format: "json" | "text", level: "info" | "debug" = "info") {
  const lines: string[] = [];
  return { lines, log: createAppLog(level, (line) => lines.push(line), format) };
}

describe("LOG_FORMAT=json", () => {
  it("gives every line written while a request is answered that request's id", async () => {
    const { lines, log } = collect("json");
    log.info("Store: SQLite in data.");
    const ids = await Promise.all(
      [1, 2].map((n) =>
        inRequest(async () => {
          log.info("command answered", { command: "ask", n });
          await new Promise((resolve) => setTimeout(resolve, 5));
          // Nested work (the edge started the request, the bot runs inside) keeps the id.
          inRequest(() => log.warn("Quote check dropped seeds/a.md:3-4 (mismatch)."));
          return currentRequestId();
        }),
      ),
    );
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ level: "info", msg: "Store: SQLite in data." });
    expect(parsed[0]).not.toHaveProperty("requestId");
    for (const [n, id] of ids.entries()) {
      const mine = parsed.filter((line) => line.requestId === id);
      expect(mine.map((line) => line.level)).toEqual(["info", "warn"]);
      expect(mine[0]).toMatchObject({ msg: "command answered", command: "ask", n: n + 1 });
    }
    expect(ids[0]).not.toBe(ids[1]);
    expect(currentRequestId()).toBeUndefined();
  });

  it("serialises errors with their message and stack, and filters by level", () => {
    const { lines, log } = collect("json");
    log.debug("not shown at info");
    log.error("Slack /thesis failed", new Error("boom"));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? "") as { err: { message: string; stack: string } };
    expect(line.err.message).toBe("boom");
    expect(line.err.stack).toContain("json-log.test.ts");
  });
});

describe("LOG_FORMAT=text", () => {
  it("stays one readable line per event, without the fields", () => {
    const { lines, log } = collect("text");
    inRequest(() => log.info("command answered", { command: "ask" }));
    log.warn("Rate limits degraded", new Error("Redis went away"));
    expect(lines).toEqual(["command answered\n", "warn: Rate limits degraded: Redis went away\n"]);
  });
});
