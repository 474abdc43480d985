// A bug inside a subcommand reaches the command line as the error itself (so it prints the
// stack and exits 1), where chat shows a one-line apology.
import { describe, expect, it } from "vitest";
import { runCliSubcommand } from "../../src/cli/run-subcommand.ts";
import { seedsService } from "../answer/seeds-service.ts";

describe("runCliSubcommand", () => {
  it("rethrows what a subcommand threw instead of answering sorry", async () => {
    const { thesis } = await seedsService();
    const broken = {
      ...thesis,
      ask: () => {
        throw new Error("the index broke");
      },
    };
    await expect(
      runCliSubcommand(broken, "ask", { question: "why does distribution usually win?" }),
    ).rejects.toThrow("the index broke");
    const reply = await runCliSubcommand(thesis, "ask", {
      question: "why does distribution usually win?",
    });
    expect(reply.kind).toBe("answer");
  });
});
