// How a follow-up in a thread is read with the command behind the bot's earlier answer.
import { describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import {
  commandFromMarker,
  commandMarker,
  contentWords,
  followUpTexts,
} from "../../src/bot/follow-up.ts";

describe("follow-ups", () => {
  it("keeps only the words that carry meaning", () => {
    expect(contentWords("and what about Qwen?")).toEqual(["Qwen"]);
    expect(contentWords("why?")).toEqual([]);
    expect(contentWords("what about open-weight models?")).toEqual(["open-weight", "models"]);
  });

  it("re-runs a topic subcommand about the topic a short follow-up names", () => {
    expect(followUpTexts({ command: "risks TAO" }, "and what about Qwen?", thesisCommands)[0]).toBe(
      "risks Qwen",
    );
    expect(followUpTexts({ command: "bullbear tao" }, "and China?", thesisCommands)[0]).toBe(
      "bullbear China",
    );
  });

  it("asks with the bot's latest words when the follow-up names no topic", () => {
    const context = {
      command: "risks TAO",
      lastText: "China can win open-weight AI without $TAO.",
    };
    expect(followUpTexts(context, "why?", thesisCommands)).toEqual([
      "ask why? China can win open-weight AI without $TAO.",
    ]);
  });

  it("asks in context after an ask, falling back to the previous question's words", () => {
    expect(
      followUpTexts({ command: "ask why does distribution win" }, "and Qwen?", thesisCommands),
    ).toEqual(["ask and Qwen? why does distribution win"]);
  });

  it("offers ask after the topical reading, for a topic the corpus does not know", () => {
    const texts = followUpTexts({ command: "risks TAO" }, "really?", thesisCommands);
    expect(texts).toEqual(["risks really", "ask really? risks TAO"]);
  });

  it("reads the command back from a footer that carries the marker", () => {
    const footer = `Not investment advice · ${commandMarker("risks TAO")}`;
    expect(commandFromMarker(footer)).toBe("risks TAO");
    expect(commandFromMarker("digest ref 3f9a0c12d4")).toBeUndefined();
  });
});
