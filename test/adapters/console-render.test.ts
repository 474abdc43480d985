// The console renderer: what a person reads in the terminal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeConsole, renderConsole } from "../../src/adapters/console/render.ts";
import { NOT_ADVICE_FOOTER } from "../../src/reply/build.ts";
import type { Reply } from "../../src/reply/reply.ts";

const reply: Reply = {
  kind: "answer",
  title: "why does distribution win?",
  summary: "China is trying to own the distribution layer.",
  sections: [
    {
      citations: [
        {
          file: "seeds/000_a.txt",
          lines: [21, 22],
          quote:
            "China is trying to own the distribution layer.\nAnd in technology, distribution usually wins.",
          title: "China Wins",
          label: "1",
          outlet: "The Outlet",
        },
      ],
    },
  ],
  actions: [
    { id: "share", label: "Share to channel", value: "ask why does distribution win?" },
    { id: "bearcase", label: "Show the bear case", value: "bullbear tao" },
  ],
  visibility: "private",
  footer: NOT_ADVICE_FOOTER,
};

describe("console renderer", () => {
  it("shows title, summary, each quote line after '> ', its credit, file and lines, footer and the follow-ups that work here", () => {
    expect(renderConsole(reply)).toBe(
      [
        "why does distribution win?",
        "China is trying to own the distribution layer.",
        "",
        "  > China is trying to own the distribution layer.",
        "  > And in technology, distribution usually wins.",
        "  — 1 · China Wins — The Outlet",
        "    seeds/000_a.txt, lines 21–22",
        "",
        NOT_ADVICE_FOOTER,
        "",
        // No "Share to channel": the console has no channel to share to.
        "Follow up by typing:",
        "  Show the bear case: /thesis bullbear tao",
        "",
      ].join("\n"),
    );
  });

  it("never lets a quote or title drive the terminal (escape sequences removed)", () => {
    const hostile: Reply = {
      ...reply,
      title: "\u001b[2Jcleared",
      sections: [
        {
          citations: [
            {
              file: "seeds/x.txt",
              lines: [1, 1],
              quote: "red\u001b[31m text\u0007",
              title: "T\u009b",
            },
          ],
        },
      ],
    };
    const text = renderConsole(hostile);
    for (const control of ["\u001b", "\u0007", "\u009b"]) expect(text).not.toContain(control);
    expect(text).toContain("  > red[31m text");
  });

  it("any quote reads back exactly from its '> ' lines", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (raw) => {
        const quote = escapeConsole(raw);
        const text = renderConsole({
          ...reply,
          actions: [],
          footer: undefined,
          sections: [{ citations: [{ file: "seeds/x.txt", lines: [1, 1], quote, title: "T" }] }],
        } as Reply);
        const shown = text
          .split("\n")
          .filter((line) => line.startsWith("  > "))
          .map((line) => line.slice(4))
          .join("\n");
        expect(shown).toBe(quote);
      }),
    );
  });
});
