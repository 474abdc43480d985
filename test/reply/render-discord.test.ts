// The Discord renderer: passages as quotes in embed descriptions, Discord's limits held by splitting rather than
// cutting, buttons within custom_id's 100 characters, no pings, private replies ephemeral.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CommandTextStore,
  decodeCustomId,
  encodeCustomId,
} from "../../src/adapters/discord/custom-id.ts";
import {
  DISCORD_LIMITS,
  type DiscordMessagePayload,
  renderDiscord,
  renderPassages,
} from "../../src/adapters/discord/render.ts";
import type { Citation } from "../../src/corpus/types.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { passagesShown } from "./discord-passages.ts";

const citation = (quote: string, lines: [number, number] = [12, 14]): Citation => ({
  file: "seeds/000_0cf94f8e47b27905.txt",
  lines,
  quote,
  title: "China's open-weight push",
});

const reply = (fields: Partial<Reply>): Reply => ({
  kind: "answer",
  title: "What the sources say",
  sections: [],
  actions: [],
  visibility: "private",
  ...fields,
});

function assertWithinLimits(messages: DiscordMessagePayload[]) {
  for (const message of messages) {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
    let total = 0;
    for (const embed of message.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
      total += embed.footer?.text.length ?? 0;
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const row of message.components) {
      for (const button of row.components) {
        expect(button.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      }
    }
  }
}

describe("renderDiscord", () => {
  it("shows each passage as a quote credited by number, title and outlet, file and lines in small print", () => {
    const [message] = renderDiscord(
      reply({
        summary: "Distribution wins.",
        sections: [
          {
            citations: [
              { ...citation("Open weights win.\nCheap wins."), label: "1", outlet: "The Outlet" },
            ],
          },
        ],
      }),
    );
    expect(message?.embeds).toHaveLength(1);
    expect(message?.embeds[0]).toMatchObject({
      title: "What the sources say",
      description: [
        "Distribution wins.",
        "",
        "> Open weights win.",
        "> Cheap wins.",
        "**1** · **China's open-weight push** — The Outlet",
        "-# seeds/000\\_0cf94f8e47b27905.txt · lines 12–14",
      ].join("\n"),
    });
    const linked = renderDiscord(
      reply({
        sections: [{ citations: [{ ...citation("x y", [7, 7]), url: "https://ex.com/a" }] }],
      }),
    );
    expect(linked[0]?.embeds[0]?.description).toContain(
      "[China's open-weight push](https://ex.com/a)",
    );
    expect(linked[0]?.embeds[0]?.description).toMatch(/ · line 7$/);
  });

  it("emphasises the part of a quote the answer rests on, leaving the words as they are", () => {
    const quote = "First point.\nThe answer is here. More.";
    const [message] = renderDiscord(
      reply({ sections: [{ citations: [{ ...citation(quote), emphasis: [13, 32] }] }] }),
    );
    expect(message?.embeds[0]?.description).toContain(
      "> First point.\n> **The answer is here.** More.",
    );
    expect(passagesShown([message?.embeds[0]?.description ?? ""])[0]?.lines.join("\n")).toBe(quote);
  });

  it("splits a long quote over several embeds without dropping or cutting words", () => {
    const quote = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(" ");
    const messages = renderDiscord(reply({ sections: [{ citations: [citation(quote)] }] }));
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? ""));
    expect(descriptions.length).toBeGreaterThan(1);
    const [shown] = passagesShown(descriptions);
    expect(shown?.lines.join(" ")).toBe(quote);
    expect(descriptions.some((d) => d.includes("…"))).toBe(false);
    assertWithinLimits(messages);
  });

  it("cuts only when one word is longer than a whole description", () => {
    const messages = renderDiscord(
      reply({ sections: [{ citations: [citation("x".repeat(5000))] }] }),
    );
    const [shown] = passagesShown(
      messages.flatMap((m) => m.embeds.map((e) => e.description ?? "")),
    );
    expect(shown?.lines.join("")).toBe("x".repeat(5000));
    assertWithinLimits(messages);
  });

  it("escapes markdown so a quote reads exactly as the source", () => {
    const quote = "validators *collude* and_earn ~more~ `TAO`";
    const [message] = renderDiscord(reply({ sections: [{ citations: [citation(quote)] }] }));
    const description = message?.embeds[0]?.description ?? "";
    expect(description).not.toContain(quote);
    expect(passagesShown([description])[0]?.lines).toEqual([quote]);
  });

  it("spreads 60 citations over several embeds and messages within Discord's limits", () => {
    const citations = Array.from({ length: 60 }, (_, i) => citation(`Passage ${i} `.repeat(40)));
    const messages = renderDiscord(reply({ sections: [{ citations }], footer: "Not advice." }));
    expect(messages.length).toBeGreaterThan(1);
    assertWithinLimits(messages);
    const shown = passagesShown(messages.flatMap((m) => m.embeds.map((e) => e.description ?? "")));
    expect(shown).toHaveLength(60);
    expect(messages.at(-1)?.embeds.at(-1)?.footer?.text).toBe("Not advice.");
  });

  it("marks private replies ephemeral, and shared ones public", () => {
    const private_ = reply({ visibility: "private" });
    expect(renderDiscord(private_)[0]?.flags).toBe(64);
    expect(renderDiscord(private_, { forcePublic: true })[0]?.flags).toBeUndefined();
    expect(renderDiscord(reply({ visibility: "public" }))[0]?.flags).toBeUndefined();
  });

  it("pages a very long reply with Previous/Next carrying the command text", async () => {
    const sections = Array.from({ length: 50 }, (_, i) => ({
      heading: `Risk ${i}`,
      citations: [citation(`Risk passage ${i} `.repeat(30))],
    }));
    const store = new CommandTextStore();
    const customId = (action: Parameters<typeof encodeCustomId>[0], page: number) =>
      encodeCustomId(action, page, store);
    const [page2, ...none] = renderDiscord(reply({ sections }), {
      commandText: "risks",
      page: 1,
      customId,
    });
    expect(none).toHaveLength(0);
    const buttons = page2?.components[0]?.components ?? [];
    expect(buttons.map((b) => b.label)).toEqual(["Previous", "Next"]);
    const decoded = await Promise.all(buttons.map((b) => decodeCustomId(b.custom_id, store)));
    expect(decoded.map((target) => target?.page)).toEqual([0, 2]);
    expect(decoded[0]?.commandText).toBe("risks");
  });

  it("renders each passage in full for threads", () => {
    const long = "lorem ipsum ".repeat(500);
    const messages = renderPassages(
      reply({ sections: [{ citations: [citation("short"), citation(long)] }] }),
    );
    expect(messages[0]?.embeds[0]?.description).toBe("short");
    expect(
      messages
        .slice(1)
        .map((m) => m.embeds[0]?.description)
        .join(" "),
    ).toBe(long);
    assertWithinLimits(messages);
  });

  it("holds every limit for arbitrary replies", () => {
    const text = fc.string({ maxLength: 6000 });
    const arbitraryReply = fc.record({
      title: fc.string({ minLength: 1, maxLength: 400 }),
      summary: fc.option(text, { nil: undefined }),
      footer: fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }),
      sections: fc.array(
        fc.record({
          heading: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
          text: fc.option(text, { nil: undefined }),
          citations: fc.array(
            fc.string({ minLength: 1, maxLength: 2500 }).map((q) => citation(q)),
            { maxLength: 30 },
          ),
        }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(arbitraryReply, (fields) => {
        assertWithinLimits(renderDiscord(reply(fields as Partial<Reply>)));
      }),
      { numRuns: 60 },
    );
  });

  it("never imports a platform SDK", () => {
    const source = readFileSync(
      new URL("../../src/adapters/discord/render.ts", import.meta.url),
      "utf8",
    );
    expect(source).not.toMatch(/from "(discord\.js|@discordjs|@slack)/);
    expect(source).not.toContain("process.env");
  });
});

describe("button custom_ids", () => {
  it("inline short command text, keep long text under a short key, and forget the oldest", async () => {
    const store = new CommandTextStore(2);
    const short = encodeCustomId({ id: "share", label: "Share", value: "ask why" }, 0, store)!;
    expect(await decodeCustomId(short, store)).toEqual({
      actionId: "share",
      page: 0,
      commandText: "ask why",
    });
    const longText = `ask ${"why ".repeat(60)}`;
    const long = encodeCustomId({ id: "share", label: "Share", value: longText }, 0, store)!;
    expect(long.length).toBeLessThanOrEqual(100);
    expect((await decodeCustomId(long, store))?.commandText).toBe(longText);
    encodeCustomId({ id: "share", label: "Share", value: `${longText}2` }, 0, store);
    encodeCustomId({ id: "share", label: "Share", value: `${longText}3` }, 0, store);
    expect((await decodeCustomId(long, store))?.commandText).toBeUndefined();
    expect(await decodeCustomId("someone-elses-button", store)).toBeNull();
  });
});
