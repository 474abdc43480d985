import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderCitationSlack, renderSlack, SLACK_LIMITS } from "../../src/adapters/slack/render.ts";
import type { Citation } from "../../src/corpus/types.ts";
import type { Reply } from "../../src/reply/reply.ts";

const citation = (quote: string, lines: [number, number] = [3, 4]): Citation => ({
  file: "seeds/000_a.txt",
  lines,
  quote,
  title: "Open weights win",
});

const reply = (extra: Partial<Reply> = {}): Reply => ({
  kind: "answer",
  title: "Why does distribution win?",
  summary: "Distribution beats raw capability.",
  sections: [{ citations: [citation("Distribution is the moat.\nEveryone can copy a model.")] }],
  actions: [
    { id: "share", label: "Share to channel", value: "ask why does distribution win" },
    { id: "thread", label: "Quote in thread", value: "ask why does distribution win" },
  ],
  visibility: "private",
  footer: "Not financial advice.",
  ...extra,
});

const allText = (value: unknown) => JSON.stringify(value);

describe("renderSlack", () => {
  it("renders a header, the summary, each citation as a quote credited by title, with file and lines in small print", () => {
    const [message, ...rest] = renderSlack(reply());
    expect(rest).toHaveLength(0);
    expect(message?.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Why does distribution win?" },
    });
    const quote = message?.blocks.find(
      (b) => b.type === "section" && b.text.text.startsWith("> Distribution"),
    );
    expect(quote).toMatchObject({
      text: {
        text: "> Distribution is the moat.\n> Everyone can copy a model.\n*Open weights win*",
      },
    });
    const small = message?.blocks[message.blocks.indexOf(quote!) + 1];
    expect(small).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "seeds/000_a.txt · lines 3–4" }],
    });
    expect(message?.text).toContain("Distribution beats raw capability.");
  });

  it("turns actions into buttons whose value is the command text to re-run", () => {
    const [message] = renderSlack(reply());
    const actions = message?.blocks.find((b) => b.type === "actions");
    expect(actions).toMatchObject({
      elements: [
        { action_id: "thesis_share", value: "ask why does distribution win" },
        { action_id: "thesis_thread", text: { text: "Quote in thread" } },
      ],
    });
  });

  it("leaves out a button whose command text is over Slack's 2,000-character value limit", () => {
    const long = `ask ${"x".repeat(2100)}`;
    const [message] = renderSlack(
      reply({ actions: [{ id: "share", label: "Share to channel", value: long }] }),
    );
    expect(message?.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("can omit named actions (a public message needs no Share button)", () => {
    const [message] = renderSlack(reply(), { omitActions: ["share"] });
    expect(allText(message)).not.toContain("thesis_share");
    expect(allText(message)).toContain("thesis_thread");
  });

  it("escapes mentions typed by users or found in sources so they cannot ping", () => {
    const [message] = renderSlack(
      reply({
        title: "<!channel> look",
        summary: "hey <!here> and @here and <@U123> in <#C1> & <!everyone>",
        sections: [{ citations: [citation("Source says <!channel> & @everyone")] }],
      }),
    );
    const text = allText(message);
    for (const raw of ["<!channel>", "<!here>", "<@U123>", "<#C1>", "<!everyone>"]) {
      expect(text).not.toContain(raw);
    }
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&amp;");
    expect(text).not.toMatch(/@here\b/);
    // A quote stays the exact source text, only entity-escaped.
    expect(text).toContain("> Source says &lt;!channel&gt; &amp; @everyone");
  });

  it("keeps every block within Slack's limits and splits long answers into several messages", () => {
    const many = Array.from({ length: 80 }, (_, i) =>
      citation(`Passage ${i} ${"word ".repeat(150)}`, [i + 1, i + 1]),
    );
    const messages = renderSlack(reply({ sections: [{ heading: "Evidence", citations: many }] }));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(message.text.length).toBeGreaterThan(0);
      for (const block of message.blocks) {
        if (block.type === "section") expect(block.text.text.length).toBeLessThanOrEqual(3000);
        if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(150);
      }
    }
    // Each passage arrives whole in one message: no quote is cut between two posts.
    for (let i = 0; i < many.length; i++) {
      const holders = messages.filter((m) => allText(m).includes(`Passage ${i} word`));
      expect(holders).toHaveLength(1);
    }
    // The buttons close the last message only.
    expect(messages.at(-1)?.blocks.some((b) => b.type === "actions")).toBe(true);
    expect(messages[0]?.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("continues a single huge quote over several sections, each still a quote", () => {
    const huge = citation("word ".repeat(1500));
    const [message] = renderCitationSlack(huge);
    const quoteSections = message?.blocks.filter((b) => b.type === "section") ?? [];
    expect(quoteSections.length).toBeGreaterThan(2);
    for (const block of quoteSections) {
      if (block.type !== "section") continue;
      expect(block.text.text.length).toBeLessThanOrEqual(3000);
      expect(block.text.text.startsWith("> ")).toBe(true);
    }
    expect(allText(message)).toContain("seeds/000_a.txt · lines 3–4");
  });

  it("cuts long titles and button labels to Slack's limits", () => {
    const [message] = renderSlack(
      reply({
        title: "t".repeat(400),
        actions: [{ id: "bearcase", label: "b".repeat(200), value: "bullbear TAO" }],
      }),
    );
    const head = message?.blocks[0];
    expect(head?.type === "header" && head.text.text.length).toBeLessThanOrEqual(150);
    const actions = message?.blocks.find((b) => b.type === "actions");
    expect(
      actions?.type === "actions" && actions.elements[0]?.text.text.length,
    ).toBeLessThanOrEqual(75);
  });
});

describe("renderSlack on arbitrary replies", () => {
  const text = fc.string({ unit: "grapheme", maxLength: 400 });
  const longText = fc.oneof(text, fc.string({ minLength: 2500, maxLength: 7000 }));
  const arbCitation = fc.record({
    file: fc.constant("seeds/x.txt"),
    lines: fc.tuple(fc.nat(500), fc.nat(20)).map(([a, b]): [number, number] => [a + 1, a + 1 + b]),
    quote: fc.oneof(
      longText,
      fc.array(text, { maxLength: 30 }).map((lines) => lines.join("\n")),
    ),
    title: text,
  });
  const arbReply = fc.record({
    kind: fc.constant("answer" as const),
    title: longText,
    summary: fc.option(longText, { nil: undefined }),
    sections: fc.array(
      fc.record({
        heading: fc.option(text, { nil: undefined }),
        text: fc.option(longText, { nil: undefined }),
        citations: fc.array(arbCitation, { maxLength: 40 }),
      }),
      { maxLength: 4 },
    ),
    actions: fc.array(
      fc.record({
        id: fc.constantFrom("share", "thread", "bearcase"),
        label: text,
        value: longText,
      }),
      { maxLength: 4 },
    ),
    visibility: fc.constant("private" as const),
    footer: fc.option(text, { nil: undefined }),
  });

  it("always stays within Slack's limits and never sends an unescaped < or >", () => {
    fc.assert(
      fc.property(arbReply, (r) => {
        const messages = renderSlack(r);
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) {
          expect(message.blocks.length).toBeLessThanOrEqual(50);
          expect(message.blocks.length).toBeGreaterThan(0);
          expect(message.text).not.toMatch(/[<>]/);
          for (const block of message.blocks) {
            if (block.type === "header") {
              expect(block.text.text.length).toBeLessThanOrEqual(150);
              expect(block.text.text.trim()).not.toBe("");
            }
            if (block.type === "section") {
              expect(block.text.text.trim()).not.toBe("");
              expect(block.text.text.length).toBeLessThanOrEqual(3000);
              // ">" only as the quote marker at the start of a line.
              const unquoted = block.text.text.replace(/^> ?/gm, "");
              expect(unquoted).not.toMatch(/[<>]/);
            }
            if (block.type === "actions") {
              for (const button of block.elements) {
                expect(button.value.length).toBeLessThanOrEqual(2000);
                expect(button.text.text.length).toBeLessThanOrEqual(75);
                expect(button.text.text.trim()).not.toBe("");
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
