// Reply -> Discord message payloads (plain API JSON; this layer never imports discord.js).
// Discord's limits are enforced here: long text and long quotes are split into more
// fields, embeds and messages rather than cut; "…" appears only when a single word is
// longer than a whole field. Every payload carries allowed_mentions { parse: [] } so a
// quoted "@everyone" in a source or a question can never ping anyone.

import {
  attributionText,
  chunkLines,
  markRun,
  quoteLines,
  safeUrl,
  smallPrint,
} from "../../reply/passage-text.ts";
import type { Reply, ReplyAction, ReplyCitation, ReplyKind } from "../../reply/reply.ts";
import { escapeDiscordMarkdown, splitText, truncateAtWord } from "./escape.ts";

export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  embeds: 10,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

export const EPHEMERAL_FLAG = 64;

export interface DiscordEmbed {
  title?: string;
  description?: string;
  /** Makes the title a link. */
  url?: string;
  color?: number;
  footer?: { text: string };
}

export interface DiscordButton {
  type: 2;
  style: 1 | 2 | 4;
  label: string;
  custom_id: string;
}

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

export interface DiscordMessagePayload {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

export interface RenderDiscordOptions {
  /**
   * Builds a button's custom_id (<= 100 chars) for an action, or returns undefined to leave
   * the button out. Pagination buttons arrive as { id: "page", value: commandText } with the
   * page they open. Without it no buttons are rendered.
   */
  customId?: (action: ReplyAction, page: number) => string | undefined;
  /** The command text that produced the reply; enables Next/Previous when it spans pages. */
  commandText?: string;
  /** 0-based page to show when the reply needs more than `maxMessages` messages. */
  page?: number;
  /** More messages than this and the reply is paginated with Next/Previous. Default 3. */
  maxMessages?: number;
  /** Post publicly even when the reply is private (Share to channel). */
  forcePublic?: boolean;
}

const KIND_COLORS: Record<ReplyKind, number> = {
  answer: 0x2b6cb0,
  empty: 0x718096,
  usage: 0xd69e2e,
  error: 0xc53030,
  info: 0x2f855a,
};

export {
  escapeDiscordMarkdown,
  splitText,
  truncateAtWord,
  unescapeDiscordMarkdown,
} from "./escape.ts";

/** "**1** · [Title](url) — Outlet": the passage's number and its source by name. */
function credit(citation: ReplyCitation): string {
  const url = safeUrl(citation.url);
  const title = escapeDiscordMarkdown(citation.title.trim() || citation.file).replace(
    /[[\]]/g,
    (c) => `\\${c}`,
  );
  // Embeds never unfurl links, so a plain masked link; parentheses encoded so none ends it early.
  const target = url?.replace(/\(/g, "%28").replace(/\)/g, "%29");
  const named = target ? `[${title}](${target})` : `**${title}**`;
  const label = citation.label ? `**${escapeDiscordMarkdown(citation.label)}** · ` : "";
  const outlet = citation.outlet?.trim()
    ? ` — ${escapeDiscordMarkdown(citation.outlet.trim())}`
    : "";
  const section = citation.section ? ` · under “${escapeDiscordMarkdown(citation.section)}”` : "";
  return `${label}${named}${outlet}${section}`;
}

/**
 * A passage as description markdown: its quote lines (the answer's part in bold), the
 * credit, and file and lines as subtext, the small print under it.
 */
export function passageLines(citation: ReplyCitation): string[] {
  const quoted = quoteLines(citation).map((runs) => {
    const line = runs.map((run) => markRun(run, escapeDiscordMarkdown, "**")).join("");
    return line.trim() === "" ? "> \u200b" : `> ${line}`;
  });
  return [...quoted, credit(citation), `-# ${escapeDiscordMarkdown(smallPrint(citation))}`];
}

function embedSize(embed: DiscordEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  size += embed.footer?.text.length ?? 0;
  return size;
}

/**
 * Builds the embeds of a reply: one per headed section (a risk), its text and passages in
 * the description, continued in more embeds when over the limits.
 */
function buildEmbeds(reply: Reply, reserve: number): DiscordEmbed[] {
  const color = KIND_COLORS[reply.kind];
  const max = Math.min(
    DISCORD_LIMITS.description,
    DISCORD_LIMITS.embedTotal - reserve - DISCORD_LIMITS.title,
  );
  const embeds: DiscordEmbed[] = [];
  const open = (title?: string): DiscordEmbed => {
    const embed: DiscordEmbed = { color };
    if (title) embed.title = truncateAtWord(title, DISCORD_LIMITS.title);
    embeds.push(embed);
    return embed;
  };
  let current = open(reply.title.trim() || "thesis-bot");
  const add = (block: string) => {
    const joined = current.description ? `${current.description}\n\n${block}` : block;
    if (joined.length <= max) current.description = joined;
    else {
      current = open();
      current.description = block;
    }
  };
  if (reply.summary?.trim()) for (const piece of splitText(reply.summary, max)) add(piece);
  for (const section of reply.sections) {
    if (section.heading?.trim()) current = open(section.heading);
    if (section.text?.trim()) for (const piece of splitText(section.text, max)) add(piece);
    for (const citation of section.citations)
      for (const piece of chunkLines(passageLines(citation), max, "> ")) add(piece);
  }
  return embeds;
}

/** Packs embeds into messages of at most 10 embeds and 6,000 characters. */
function packMessages(embeds: DiscordEmbed[], reserve: number): DiscordEmbed[][] {
  const messages: DiscordEmbed[][] = [];
  let current: DiscordEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const next = embedSize(embed);
    if (
      current.length > 0 &&
      (current.length >= DISCORD_LIMITS.embeds || size + next + reserve > DISCORD_LIMITS.embedTotal)
    ) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += next;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

const STYLES = { primary: 1, secondary: 2, danger: 4 } as const;

function buttonRows(
  actions: ReplyAction[],
  customId: RenderDiscordOptions["customId"],
): DiscordActionRow[] {
  const buttons: DiscordButton[] = [];
  for (const action of actions) {
    const id = customId?.(action, 0);
    if (!id || id.length > DISCORD_LIMITS.customId) continue;
    const label = truncateAtWord(action.label, DISCORD_LIMITS.buttonLabel);
    buttons.push({ type: 2, style: STYLES[action.style ?? "secondary"], label, custom_id: id });
  }
  const rows: DiscordActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < DISCORD_LIMITS.rows; i += 5) {
    rows.push({ type: 1, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/**
 * Renders a reply as one or more Discord messages. When it needs more than `maxMessages`
 * messages and `commandText` is known, only the requested page is returned, with
 * Previous/Next buttons that re-run the command at the neighbouring page.
 */
export function renderDiscord(
  reply: Reply,
  options: RenderDiscordOptions = {},
): DiscordMessagePayload[] {
  const footerText = reply.footer ? truncateAtWord(reply.footer, DISCORD_LIMITS.footer) : "";
  const reserve = footerText.length + 24; // room for " · Page 12 of 34" in the footer
  const pages = packMessages(buildEmbeds(reply, reserve), reserve);
  const maxMessages = options.maxMessages ?? 3;
  const paginate = pages.length > maxMessages && options.commandText !== undefined;
  const page = Math.min(Math.max(options.page ?? 0, 0), pages.length - 1);
  const shown = paginate ? [pages[page]!] : pages;
  const flags = reply.visibility === "private" && !options.forcePublic ? EPHEMERAL_FLAG : undefined;

  return shown.map((embeds, index) => {
    const isLast = index === shown.length - 1;
    const last = embeds[embeds.length - 1]!;
    const notes = [footerText, paginate ? `Page ${page + 1} of ${pages.length}` : ""];
    const footer = isLast ? notes.filter(Boolean).join(" · ") : "";
    const withFooter = footer
      ? [...embeds.slice(0, -1), { ...last, footer: { text: footer } }]
      : embeds;
    const actions: ReplyAction[] = [];
    if (paginate && options.commandText !== undefined) {
      const value = options.commandText;
      if (page > 0) actions.push({ id: "page", label: "Previous", value, style: "secondary" });
      if (page < pages.length - 1) actions.push({ id: "page", label: "Next", value });
    }
    if (isLast) actions.push(...reply.actions);
    const components = isLast ? buttonRows(actions, pageTarget(options.customId, page)) : [];
    const payload: DiscordMessagePayload = {
      embeds: withFooter,
      components,
      allowed_mentions: { parse: [] },
    };
    if (flags !== undefined) payload.flags = flags;
    return payload;
  });
}

/** Previous opens page - 1 and Next page + 1; other buttons are unaffected. */
function pageTarget(
  customId: RenderDiscordOptions["customId"],
  page: number,
): RenderDiscordOptions["customId"] {
  if (!customId) return undefined;
  return (action) =>
    action.id === "page"
      ? customId(action, action.label === "Previous" ? page - 1 : page + 1)
      : customId(action, 0);
}

/**
 * Each cited passage in full, one message per passage (more when a passage exceeds one
 * embed description), for "Quote in thread" and "Find sources": credited in the title
 * (linked when the source has a URL), file and lines in the footer.
 */
export function renderPassages(reply: Reply): DiscordMessagePayload[] {
  const messages: DiscordMessagePayload[] = [];
  for (const citation of reply.sections.flatMap((section) => section.citations)) {
    const label = truncateAtWord(attributionText(citation), DISCORD_LIMITS.title);
    const url = safeUrl(citation.url);
    const chunks = splitText(escapeDiscordMarkdown(citation.quote), DISCORD_LIMITS.description);
    chunks.forEach((description, index) => {
      const embed: DiscordEmbed = { color: KIND_COLORS.answer, description };
      if (index === 0) {
        embed.title = label;
        if (url) embed.url = url;
      }
      if (index === chunks.length - 1) embed.footer = { text: smallPrint(citation) };
      messages.push({ embeds: [embed], components: [], allowed_mentions: { parse: [] } });
    });
  }
  return messages;
}
