// Kinds and stances on sentences written for these tests, not taken from the seeds.
import { beforeAll, describe, expect, it } from "vitest";
import { classifyKind, isHedged } from "../../src/corpus/kind.ts";
import { stancesIn } from "../../src/corpus/stance.ts";
import { useSeedTopics } from "./seed-topics.ts";

beforeAll(useSeedTopics);

const plain = { riskSection: false, warningSection: false, inRiskRun: false };

describe("classifyKind", () => {
  it.each([
    ["Do your own research before buying anything.", "disclaimer"],
    ["Will open models overtake closed ones?", "question"],
    ["Validators may collude, which is a serious risk for the network.", "risk"],
    ["Open models now serve 40% of enterprise tokens.", "statistic"],
    ["Investors should size positions with care.", "recommendation"],
    ["Inference prices will keep falling next year.", "prediction"],
    ["The lab released its weights on Monday.", "assertion"],
  ])("%s -> %s", (text, kind) => {
    expect(classifyKind(text, plain)).toBe(kind);
  });

  it("reads 'does not need to' as no advice and 'risk management' as no risk", () => {
    expect(classifyKind("Europe does not need to build the best model to matter.", plain)).toBe(
      "assertion",
    );
    expect(classifyKind("Self-hosting has become a risk management strategy.", plain)).not.toBe(
      "risk",
    );
  });

  it("makes numbered items under a risk heading risks, and warnings under a warning heading", () => {
    const riskRun = { riskSection: true, warningSection: false, inRiskRun: true };
    expect(
      classifyKind("Third, onboarding is still clumsy.", { ...riskRun, inRiskRun: false }),
    ).toBe("risk");
    expect(classifyKind("Wallet set-up takes an afternoon.", riskRun)).toBe("risk");
    const warning = { riskSection: true, warningSection: true, inRiskRun: false };
    expect(
      classifyKind("Token prices can fall to zero and you may lose everything.", warning),
    ).toBe("risk");
    expect(classifyKind("Please read the terms.", warning)).toBe("disclaimer");
  });

  it("flags hedged claims", () => {
    expect(isHedged("Open models may win the long tail.")).toBe(true);
    expect(isHedged("Open models won the long tail.")).toBe(false);
  });
});

describe("stancesIn", () => {
  it("is relative to the topic: a win without $TAO is bullish for China and bearish for $TAO", () => {
    expect(stancesIn("China can win open-weight AI without $TAO.")).toMatchObject({
      china: "bull",
      "open-weight": "bull",
      "chinese-open": "bull",
      tao: "bear",
    });
  });

  it("gives a contrasting clause its own reading", () => {
    expect(
      stancesIn("DeepSeek keeps spreading fast while Bittensor remains a niche experiment."),
    ).toMatchObject({
      deepseek: "bull",
      tao: "bear",
    });
  });

  it("handles negation, 'not just' and comparisons", () => {
    expect(stancesIn("Anthropic will not disappear.")).toMatchObject({ anthropic: "bull" });
    expect(stancesIn("Bittensor is not just a coin.")).toMatchObject({ tao: "neutral" });
    expect(stancesIn("Qwen is cheaper than OpenAI's models.")).toMatchObject({
      qwen: "bull",
      openai: "bear",
    });
    expect(stancesIn("But closed AI stops being the only default.")).toMatchObject({
      "closed-frontier": "bear",
    });
  });

  it("puts the harm where the pressure lands", () => {
    expect(
      stancesIn("Free open-weight models improve, creating pricing pressure on closed models."),
    ).toMatchObject({
      "open-weight": "bull",
      "closed-frontier": "bear",
    });
  });

  it("leaves a sentence without cues neutral", () => {
    expect(stancesIn("Qwen was released in several sizes.")).toEqual({
      qwen: "neutral",
      china: "neutral",
      "chinese-open": "neutral",
      "open-weight": "neutral",
    });
  });
});
