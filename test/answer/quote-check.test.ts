import { describe, expect, it } from "vitest";
import {
  checkCitation,
  keepVerifiedCitations,
  type QuotableText,
} from "../../src/answer/quote-check.ts";
import type { Citation } from "../../src/corpus/types.ts";

function doc(text: string, title = "A title"): QuotableText {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  return { title, text, lineStarts };
}

const source = doc("First line here.\nSecond line, with more.\nThird line ends.\n");
const lookup = (file: string) => (file === "seeds/a.txt" ? source : undefined);
const cite = (lines: [number, number], quote: string, extra: Partial<Citation> = {}): Citation => ({
  file: "seeds/a.txt",
  lines,
  quote,
  title: "A title",
  ...extra,
});

describe("checkCitation", () => {
  it("accepts the exact text at the cited lines, including across lines", () => {
    expect(checkCitation(cite([2, 2], "Second line, with more."), lookup)).toBeNull();
    expect(checkCitation(cite([1, 2], "here.\nSecond"), lookup)).toBeNull();
  });

  it("rejects a quote that differs by one character", () => {
    expect(checkCitation(cite([2, 2], "Second line, with more!"), lookup)).toBe("not-at-lines");
  });

  it("rejects a true quote cited at the wrong lines", () => {
    expect(checkCitation(cite([1, 1], "Second line"), lookup)).toBe("not-at-lines");
  });

  it("rejects a one-line quote that claims a wider span than it covers", () => {
    expect(checkCitation(cite([1, 3], "Second line"), lookup)).toBe("not-at-lines");
  });

  it("rejects unknown files, impossible lines, empty quotes and a wrong title", () => {
    expect(checkCitation(cite([1, 1], "First", { file: "seeds/b.txt" }), lookup)).toBe(
      "unknown-file",
    );
    expect(checkCitation(cite([0, 1], "First"), lookup)).toBe("bad-lines");
    expect(checkCitation(cite([3, 9], "Third"), lookup)).toBe("bad-lines");
    expect(checkCitation(cite([1, 1], "  "), lookup)).toBe("empty-quote");
    expect(checkCitation(cite([1, 1], "First", { title: "Other" }), lookup)).toBe("wrong-title");
  });
});

describe("keepVerifiedCitations", () => {
  it("drops corrupted quotes, reports each, and keeps the good ones in order", () => {
    const dropped: string[] = [];
    const kept = keepVerifiedCitations(
      [cite([1, 1], "First line"), cite([2, 2], "Second lime"), cite([3, 3], "Third line ends.")],
      lookup,
      ({ citation, reason }) => dropped.push(`${citation.quote}:${reason}`),
    );
    expect(kept.map((c) => c.quote)).toEqual(["First line", "Third line ends."]);
    expect(dropped).toEqual(["Second lime:not-at-lines"]);
  });
});
