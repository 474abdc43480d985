// The Discord renderer: citations as fields, Discord's limits held by splitting rather than
// cutting, buttons within custom_id's 100 characters, no pings, private replies ephemeral.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CommandTextStore,
  decodeCustomId,
  encodeCustomId,
} from "../../src/adapters/discord/custom-id.ts";
import type { Citation } from "../../src/corpus/types.ts";
import {
  DISCORD_LIMITS,
  type DiscordMessagePayload,
  renderDiscord,
  renderPassages,
  unescapeDiscordMarkdown,
} from "../../src/reply/render-discord.ts";
import type { Reply } from "../../src/reply/reply.ts";

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
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
      total += embed.footer?.text.length ?? 0;
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
        total += field.name.length + field.value.length;
      }
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
  it("shows each citation as a field named by title, file and line span", () => {
    const [message] = renderDiscord(
      reply({
        summary: "Distribution wins.",
        sections: [{ citations: [citation("Open weights win.")] }],
      }),
    );
    expect(message?.embeds[0]).toMatchObject({
      title: "What the sources say",
      description: "Distribution wins.",
      fields: [
        {
          name: "China's open-weight push — 000_0cf94f8e47b27905.txt L12–14",
          value: "Open weights win.",
        },
      ],
    });
    const oneLine = renderDiscord(reply({ sections: [{ citations: [citation("x y", [7, 7])] }] }));
    expect(oneLine[0]?.embeds[0]?.fields?.[0]?.name).toMatch(/ L7$/);
  });

  it("splits a long quote over several fields without dropping or cutting words", () => {
    const quote = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const messages = renderDiscord(reply({ sections: [{ citations: [citation(quote)] }] }));
    const fields = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(fields.length).toBeGreaterThan(1);
    expect(fields.slice(1).every((f) => f.name.endsWith("(cont.)"))).toBe(true);
    expect(fields.map((f) => f.value).join(" ")).toBe(quote);
    expect(fields.some((f) => f.value.includes("…"))).toBe(false);
  });

  it("cuts with … only when one word is longer than a whole field", () => {
    const messages = renderDiscord(
      reply({ sections: [{ citations: [citation("x".repeat(3000))] }] }),
    );
    const values = messages
      .flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []))
      .map((f) => f.value);
    expect(values[0]?.endsWith("…")).toBe(true);
    assertWithinLimits(messages);
  });

  it("escapes markdown so a quote reads exactly as the source", () => {
    const quote = "validators *collude* and_earn ~more~ `TAO`";
    const [message] = renderDiscord(reply({ sections: [{ citations: [citation(quote)] }] }));
    const value = message?.embeds[0]?.fields?.[0]?.value ?? "";
    expect(value).not.toBe(quote);
    expect(unescapeDiscordMarkdown(value)).toBe(quote);
  });

  it("spreads 60 citations over several embeds and messages within Discord's limits", () => {
    const citations = Array.from({ length: 60 }, (_, i) => citation(`Passage ${i} `.repeat(40)));
    const messages = renderDiscord(reply({ sections: [{ citations }], footer: "Not advice." }));
    expect(messages.length).toBeGreaterThan(1);
    assertWithinLimits(messages);
    const shown = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(shown).toHaveLength(60);
    expect(messages.at(-1)?.embeds.at(-1)?.footer?.text).toBe("Not advice.");
  });

  it("marks private replies ephemeral, and shared ones public", () => {
    const private_ = reply({ visibility: "private" });
    expect(renderDiscord(private_)[0]?.flags).toBe(64);
    expect(renderDiscord(private_, { forcePublic: true })[0]?.flags).toBeUndefined();
    expect(renderDiscord(reply({ visibility: "public" }))[0]?.flags).toBeUndefined();
  });

  it("pages a very long reply with Previous/Next carrying the command text", () => {
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
    expect(buttons.map((b) => decodeCustomId(b.custom_id, store)?.page)).toEqual([0, 2]);
    expect(decodeCustomId(buttons[0]!.custom_id, store)?.commandText).toBe("risks");
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
      new URL("../../src/reply/render-discord.ts", import.meta.url),
      "utf8",
    );
    expect(source).not.toMatch(/from "(discord\.js|@discordjs|@slack)/);
    expect(source).not.toContain("process.env");
  });
});

describe("button custom_ids", () => {
  it("inline short command text, keep long text under a short key, and forget the oldest", () => {
    const store = new CommandTextStore(2);
    const short = encodeCustomId({ id: "share", label: "Share", value: "ask why" }, 0, store)!;
    expect(decodeCustomId(short, store)).toEqual({
      actionId: "share",
      page: 0,
      commandText: "ask why",
    });
    const longText = `ask ${"why ".repeat(60)}`;
    const long = encodeCustomId({ id: "share", label: "Share", value: longText }, 0, store)!;
    expect(long.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(long, store)?.commandText).toBe(longText);
    encodeCustomId({ id: "share", label: "Share", value: `${longText}2` }, 0, store);
    encodeCustomId({ id: "share", label: "Share", value: `${longText}3` }, 0, store);
    expect(decodeCustomId(long, store)?.commandText).toBeUndefined();
    expect(decodeCustomId("someone-elses-button", store)).toBeNull();
  });
});
