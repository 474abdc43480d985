// Reply -> Discord message payloads (plain API JSON; this layer never imports discord.js).
// Discord's limits are enforced here: long text and long quotes are split into more
// fields, embeds and messages rather than cut; "…" appears only when a single word is
// longer than a whole field. Every payload carries allowed_mentions { parse: [] } so a
// quoted "@everyone" in a source or a question can never ping anyone.
import type { Citation } from "../corpus/types.ts";
import { escapeDiscordMarkdown, splitText, truncateAtWord } from "./discord-text.ts";
import type { Reply, ReplyAction, ReplyKind } from "./reply.ts";

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

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: DiscordEmbedField[];
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
} from "./discord-text.ts";

function fileName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

/** "Title — 000_x.txt L12–14" (or "L12" for one line). */
export function citationLabel(citation: Citation): string {
  const [start, end] = citation.lines;
  const span = start === end ? `L${start}` : `L${start}–${end}`;
  return `${citation.title} — ${fileName(citation.file)} ${span}`;
}

/** One citation as fields: the quote split over several fields when it is long. */
export function citationFields(citation: Citation): DiscordEmbedField[] {
  const label = truncateAtWord(citationLabel(citation), DISCORD_LIMITS.fieldName - 12);
  const chunks = splitText(escapeDiscordMarkdown(citation.quote), DISCORD_LIMITS.fieldValue);
  return chunks.map((value, index) => ({
    name: index === 0 ? label : `${label} (cont.)`,
    value: value.trim() === "" ? "\u200b" : value,
  }));
}

function embedSize(embed: DiscordEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  size += embed.footer?.text.length ?? 0;
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}

/** Builds the embeds of a reply, each within the per-embed limits. */
function buildEmbeds(reply: Reply, reserve: number): DiscordEmbed[] {
  const color = KIND_COLORS[reply.kind];
  const embeds: DiscordEmbed[] = [];
  const start = (title: string | undefined, text: string | undefined) => {
    const pieces = text ? splitText(text, DISCORD_LIMITS.description) : [undefined];
    pieces.forEach((description, index) => {
      const embed: DiscordEmbed = { color };
      if (index === 0 && title) embed.title = truncateAtWord(title, DISCORD_LIMITS.title);
      if (description) embed.description = description;
      embeds.push(embed);
    });
  };
  start(reply.title, reply.summary);
  for (const section of reply.sections) {
    const last = embeds[embeds.length - 1];
    const mergeable = last && !section.heading && section.text && !last.fields;
    const merged = mergeable ? `${last.description ?? ""}\n\n${section.text}`.trim() : undefined;
    if (last && merged && merged.length <= DISCORD_LIMITS.description) last.description = merged;
    else if (section.heading || section.text) start(section.heading, section.text);
    for (const citation of section.citations) {
      for (const field of citationFields(citation)) {
        const current = embeds[embeds.length - 1]!;
        const fields = current.fields ?? [];
        const full =
          fields.length >= DISCORD_LIMITS.fields ||
          embedSize(current) + field.name.length + field.value.length >
            DISCORD_LIMITS.embedTotal - reserve;
        if (full) embeds.push({ color, fields: [field] });
        else current.fields = [...fields, field];
      }
    }
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
 * embed description), for "Quote in thread" and "Find sources".
 */
export function renderPassages(reply: Reply): DiscordMessagePayload[] {
  const messages: DiscordMessagePayload[] = [];
  for (const citation of reply.sections.flatMap((section) => section.citations)) {
    const label = truncateAtWord(citationLabel(citation), DISCORD_LIMITS.title);
    const chunks = splitText(escapeDiscordMarkdown(citation.quote), DISCORD_LIMITS.description);
    chunks.forEach((description, index) => {
      const embed: DiscordEmbed = { color: KIND_COLORS.answer, description };
      if (index === 0) embed.title = label;
      messages.push({ embeds: [embed], components: [], allowed_mentions: { parse: [] } });
    });
  }
  return messages;
}
