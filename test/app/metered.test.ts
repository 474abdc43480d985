// The counts taken outside the bot's dispatch: a model answer that fell back to the
// extractive lead, a digest posted, a quote the quote check refused. Read back from the
// Prometheus text the /metrics endpoint serves.
import { describe, expect, it } from "vitest";
import type { ModelAnswers } from "../../commands/types.ts";
import { countedModel, countedPoster } from "../../src/app/metered.ts";
import { createAppMetrics } from "../../src/app/metrics.ts";
import type { DigestPoster } from "../../src/digest/types.ts";

const value = (text: string, name: string) =>
  Number(
    text
      .split("\n")
      .find((line) => line.startsWith(name))
      ?.split(" ")
      .at(-1),
  );

describe("metered wrappers", () => {
  it("count fallbacks only for found answers the model did not word, and digest posts", async () => {
    const metrics = createAppMetrics();
    // The model's side as the app sees it: worded once, then timed out, then nothing found.
    const outcomes = [
      { found: true, synthesized: true },
      { found: true, synthesized: false },
      { found: false, synthesized: false },
    ];
    const model: ModelAnswers = {
      name: "test-model",
      answer: async () => ({
        answer: "",
        citations: [],
        claimIds: [],
        ...(outcomes.shift() ?? { found: false, synthesized: false }),
      }),
    };
    const counted = countedModel(model, metrics);
    for (let i = 0; i < 3; i++) await counted.answer("why");
    const poster: DigestPoster<string> = {
      post: async () => ({ messageId: "m1" }),
      findExisting: async () => null,
    };
    await countedPoster(poster, "slack", metrics).post(
      { platform: "slack", channelId: "C1" },
      "digest",
      "k",
    );
    metrics.quoteDropped();
    const text = await metrics.text();
    expect(value(text, "thesis_model_fallbacks_total")).toBe(1);
    expect(value(text, 'thesis_digest_posts_total{platform="slack"}')).toBe(1);
    expect(value(text, "thesis_dropped_quotes_total")).toBe(1);
  });
});
