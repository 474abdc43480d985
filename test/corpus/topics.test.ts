import { beforeAll, describe, expect, it } from "vitest";
import { aliasExpansions, resolveTopic, topicsIn } from "../../src/corpus/topics.ts";
import { useSeedTopics } from "./seed-topics.ts";

beforeAll(useSeedTopics);

describe("topics", () => {
  it("resolves $TAO, TAO and Bittensor to one topic", () => {
    for (const text of ["$TAO is up", "tao holders", "Bittensor’s subnets", "BITTENSOR"]) {
      expect(topicsIn(text), text).toContain("tao");
    }
    expect(resolveTopic("Bittensor")).toBe("tao");
    expect(resolveTopic("$TAO")).toBe("tao");
  });

  it("reads Kimmy as Kimi and implies China and Chinese open-weight AI from Chinese labs", () => {
    expect(topicsIn("The rise of Kimmy")).toEqual(
      expect.arrayContaining(["kimi", "china", "chinese-open"]),
    );
    expect(topicsIn("DeepSeek and Qwen and GLM")).toEqual(
      expect.arrayContaining(["deepseek", "qwen", "glm", "china", "chinese-open", "open-weight"]),
    );
  });

  it("knows the US by its names but not the pronoun 'us'", () => {
    for (const text of [
      "the U.S. government",
      "America leads",
      "Washington's posture",
      "the US market",
      "United States",
    ]) {
      expect(topicsIn(text), text).toContain("us");
    }
    expect(topicsIn("let us talk about it")).not.toContain("us");
  });

  it("groups export controls, chips and sanctions, and the closed frontier labs", () => {
    expect(topicsIn("chip sanctions")).toContain("export-controls");
    expect(topicsIn("export controls bite")).toContain("export-controls");
    expect(topicsIn("OpenAI and Anthropic")).toEqual(
      expect.arrayContaining(["openai", "anthropic", "closed-frontier"]),
    );
    expect(topicsIn("crypto wallets")).toContain("crypto");
  });

  it("resolves what a user types to the most specific topic, or nothing", () => {
    expect(resolveTopic("Chinese open-source AI")).toBe("chinese-open");
    expect(resolveTopic("closed frontier models")).toBe("closed-frontier");
    expect(resolveTopic("open weights")).toBeNull();
    expect(resolveTopic("open-weight")).toBe("open-weight");
    expect(resolveTopic("France")).toBeNull();
  });

  it("offers alias expansions for search", () => {
    expect(aliasExpansions().get("bittensor")).toContain("tao");
    expect(aliasExpansions().get("kimmy")).toContain("kimi");
  });

  it("reads an alias in context: a ticker or name of its own, not part of another name", () => {
    expect(topicsIn("The journalist Shi Tao was jailed in 2005.")).not.toContain("tao");
    expect(topicsIn("Claude Lévi-Strauss wrote on myth.")).not.toContain("anthropic");
    expect(topicsIn("Coin-tossing decides the kick-off.")).not.toContain("crypto");
    expect(topicsIn("a coin-tossing game")).not.toContain("crypto");
    expect(topicsIn("TAO rallied while Tao holders waited.")).toContain("tao");
    expect(topicsIn("Anthropic Claude ships today")).toContain("anthropic");
    expect(topicsIn("Alibaba's Qwen leads")).toContain("qwen");
    expect(topicsIn("The Chinese Communist Party")).toContain("china");
  });
});
