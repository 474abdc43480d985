// The console adapter driven the way a person would use it: lines typed into its input,
// replies read from its output, over the real commands and the real seed corpus.

import path from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { createConsoleAdapter } from "../../src/adapters/console/index.ts";
import { createThesisService } from "../../src/answer/service.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { createBot } from "../../src/bot/bot.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger } from "../../src/corpus/ledger.ts";

let thesis: ThesisService;
beforeAll(async () => {
  thesis = createThesisService(await buildLedger(path.join(PACKAGE_ROOT, "seeds")));
});

/** Types `lines` into a console session and returns everything it printed. */
async function session(
  lines: string[],
  options: { interactive?: boolean; end?: boolean } = {},
): Promise<{ output: string; logged: string[]; history: string[] }> {
  const input = new PassThrough();
  const output = new PassThrough();
  const logged: string[] = [];
  let printed = "";
  output.on("data", (chunk) => {
    printed += String(chunk);
  });
  const adapter = createConsoleAdapter({
    bot: createBot({ commands: thesisCommands, thesis, log: () => {} }),
    input,
    output,
    interactive: options.interactive ?? false,
    log: (message) => logged.push(message),
  });
  const done = adapter.run();
  for (const line of lines) input.write(`${line}\n`);
  if (options.end !== false) input.end();
  await done;
  return { output: printed, logged, history: adapter.history() };
}

describe("console adapter", () => {
  it("answers a typed /thesis ask with the quote and its file and lines", async () => {
    const { output } = await session(["/thesis ask why does distribution usually win?"]);
    expect(output).toContain("> And in technology, distribution usually wins.");
    expect(output).toMatch(
      /— 1 · China Wins: .*\n +seeds\/000_0cf94f8e47b27905\.txt, lines \d+–\d+/,
    );
    // Buttons that post to a channel mean nothing in a terminal.
    expect(output).not.toContain("Share to channel");
    // Piped sessions print replies only: no banner, no prompt.
    expect(output).not.toContain("thesis>");
  });

  it("accepts a command without the /thesis prefix", async () => {
    const { output } = await session(["sources"]);
    expect(output).toContain("5 articles");
  });

  it("keeps going after a bad command and remembers the session's commands", async () => {
    const { output, history } = await session([
      "frobnicate the widgets",
      "ask",
      "risks tao",
      "history",
    ]);
    expect(output).toContain('"frobnicate" is not a /thesis subcommand');
    expect(output).toContain("Ask a question, for example: /thesis ask why does distribution win?");
    expect(output).toContain("Risks about $TAO / Bittensor");
    expect(output).toMatch(/1 {2}frobnicate the widgets\n\s+2 {2}ask\n\s+3 {2}risks tao/);
    expect(history).toEqual(["frobnicate the widgets", "ask", "risks tao"]);
  });

  it("help lists every subcommand plus the console's own words", async () => {
    const { output } = await session(["help"]);
    for (const def of thesisCommands) expect(output).toContain(def.usage);
    expect(output).toContain("history");
    expect(output).toContain("exit");
  });

  it("exit ends the session even while input stays open", async () => {
    const { output } = await session(["sources", "exit", "ask why does distribution win?"], {
      end: false,
    });
    expect(output).toContain("Sources");
    expect(output).not.toContain("distribution usually wins");
  });

  it("an interactive session shows a banner and prompts", async () => {
    const { output } = await session(["sources"], { interactive: true });
    expect(output).toContain("thesis-bot console");
    expect(output).toContain("thesis> ");
    expect(output).toContain("5 articles");
  });

  it("the digest says it is unavailable when no store is wired, and the loop goes on", async () => {
    const { output } = await session(["digest status", "sources"]);
    expect(output).toContain("The daily digest is not available here.");
    expect(output).toContain("5 articles");
  });
});
