// The answer-type check: a question that asks for an amount or a time is answered only by a
// passage that could state one.
import { describe, expect, it } from "vitest";
import { expectedAnswer, offersAnswer } from "../../src/answer/answer-type.ts";

describe("expectedAnswer", () => {
  it.each([
    ["What's the current price of TAO?", "amount"],
    ["what is the fee on the bittensor chain", "amount"],
    ["What's the total supply of TAO?", "amount"],
    ["how many validators are there", "amount"],
    ["How much better do closed models need to be?", "amount"],
    ["When is the next Bittensor halving?", "time"],
    ["when did mainnet launch", "time"],
    ["what year did the export controls start", "time"],
  ])("reads %s as asking for %s", (question, type) => {
    expect(expectedAnswer(question)).toBe(type);
  });

  it.each([
    "what are the risks of TAO",
    "What are the two strategic effects that open releases have for the ecosystem?",
    "what is western coverage missing about china and ai",
    "When does TAO become a clean exposure to open AI?",
    "why does distribution win",
  ])("asks %s for no particular kind of answer", (question) => {
    expect(expectedAnswer(question)).toBeUndefined();
  });
});

describe("offersAnswer", () => {
  it("finds an amount in digits or number words", () => {
    expect(offersAnswer("Open models reach 90–97% of frontier quality.", "amount")).toBe(true);
    expect(offersAnswer("It costs two million dollars.", "amount")).toBe(true);
    expect(offersAnswer("Fifth, token price is not the same as thesis quality.", "amount")).toBe(
      false,
    );
  });

  it("finds a time in a year, a month, or a counted span, not in bare 'years'", () => {
    expect(offersAnswer("DeepSeek released R1 in January.", "time")).toBe(true);
    expect(offersAnswer("Mainnet launched in 2021.", "time")).toBe(true);
    expect(offersAnswer("It happened three years ago.", "time")).toBe(true);
    expect(offersAnswer("Over the years the market may decide.", "time")).toBe(false);
    expect(offersAnswer("Regulators may act.", "time")).toBe(false);
  });
});
