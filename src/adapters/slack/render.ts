// Reply -> Slack Block Kit, as plain objects (no SDK import). Slack's limits are enforced
// here: 3,000 characters per section text, 150 per header, 75 per button label, 2,000 per
// button value and 50 blocks per message. A long answer becomes several messages, cut
// between blocks and, where possible, never inside a quoted passage.
import { chunkLines, markRun, quoteLines, safeUrl, smallPrint } from "../../reply/passage-text.ts";
import type { Reply, ReplyAction, ReplyCitation } from "../../reply/reply.ts";
import { escapeSlack, safeSlackText, truncate } from "./escape.ts";

export const SLACK_LIMITS = {
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  blocksPerMessage: 50,
  actionsPerBlock: 25,
  /** Our own budget per message so one post stays readable and well under Slack's caps. */
  charsPerMessage: 12_000,
  fallbackText: 3000,
} as const;

/** Prefix of every button's action_id; the adapter routes clicks on it. */
export const SLACK_ACTION_PREFIX = "thesis_";

interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}
interface Mrkdwn {
  type: "mrkdwn";
  text: string;
}
export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "divider" }
  | {
      type: "actions";
      elements: {
        type: "button";
        action_id: string;
        text: PlainText;
        value: string;
        style?: "primary" | "danger";
      }[];
    };

export interface SlackMessage {
  /** Plain fallback for notifications and clients that cannot show blocks. */
  text: string;
  blocks: SlackBlock[];
}

export interface RenderSlackOptions {
  /** Action ids to leave out (e.g. "share" on a message that is already public). */
  omitActions?: readonly string[];
}

export function renderSlack(reply: Reply, options: RenderSlackOptions = {}): SlackMessage[] {
  const units: SlackBlock[][] = [[header(reply.title)]];
  if (reply.summary?.trim()) units.push(sections(safeSlackText(reply.summary)));
  for (const section of reply.sections) {
    const lead: string[] = [];
    if (section.heading?.trim()) lead.push(`*${safeSlackText(section.heading.trim())}*`);
    if (section.text?.trim()) lead.push(safeSlackText(section.text));
    if (lead.length > 0) units.push(sections(lead.join("\n")));
    for (const citation of section.citations) units.push(citationBlocks(citation));
  }
  const tail: SlackBlock[] = [];
  const actions = actionsBlock(reply.actions, options.omitActions ?? []);
  if (actions) tail.push(actions);
  if (reply.footer?.trim()) tail.push(context(safeSlackText(reply.footer)));
  return pack(units, tail).map((blocks, index) => ({
    text: fallbackText(reply, index),
    blocks,
  }));
}

/** One passage on its own (the "Quote in thread" replies); usually one message. */
export function renderCitationSlack(citation: ReplyCitation): SlackMessage[] {
  return pack([citationBlocks(citation)], []).map((blocks) => ({
    text: truncate(escapeSlack(`${citation.title}: ${citation.quote}`), SLACK_LIMITS.fallbackText),
    blocks,
  }));
}

function header(title: string): SlackBlock {
  return {
    type: "header",
    text: {
      type: "plain_text",
      text: truncate(safeSlackText(title.trim() || "thesis-bot"), SLACK_LIMITS.headerText),
    },
  };
}

function context(text: string): SlackBlock {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: truncate(text, SLACK_LIMITS.sectionText) }],
  };
}

/** Bot text as one or more sections, split between lines when over the section limit. */
function sections(text: string): SlackBlock[] {
  return chunkLines(text.split("\n"), SLACK_LIMITS.sectionText).map((chunk) => ({
    type: "section",
    text: { type: "mrkdwn", text: chunk },
  }));
}

/**
 * "*1* · *<url|Title>* — Outlet": the passage's number and its source by name, linked when
 * the source has a URL. File and lines go in the small print (a context block) under it.
 */
export function attribution(citation: ReplyCitation): string {
  const url = safeUrl(citation.url);
  const title = safeSlackText(citation.title.trim() || citation.file);
  const linked = url ? `<${escapeSlack(url).replace(/\|/g, "%7C")}|${title}>` : title;
  const label = citation.label ? `*${safeSlackText(citation.label)}* · ` : "";
  const rest = [
    citation.outlet?.trim() ? ` — ${safeSlackText(citation.outlet.trim())}` : "",
    citation.section ? ` · under “${safeSlackText(citation.section)}”` : "",
  ];
  return `${label}*${linked}*${rest.join("")}`;
}

/** A citation as `>` quote lines plus its credit, then its file and lines in small print. */
function citationBlocks(citation: ReplyCitation): SlackBlock[] {
  const quoted = quoteLines(citation).map((runs) => {
    const line = runs.map((run) => markRun(run, escapeSlack, "*")).join("");
    return line.trim() === "" ? ">" : `> ${line}`;
  });
  const credit = attribution(citation);
  const chunks = chunkLines(quoted, SLACK_LIMITS.sectionText - credit.length - 1, "> ");
  const last = chunks.length - 1;
  return [
    ...chunks.map(
      (chunk, index): SlackBlock => ({
        type: "section",
        text: { type: "mrkdwn", text: index === last ? `${chunk}\n${credit}` : chunk },
      }),
    ),
    context(escapeSlack(smallPrint(citation))),
  ];
}

function actionsBlock(actions: ReplyAction[], omit: readonly string[]): SlackBlock | undefined {
  const elements = actions
    .filter((action) => !omit.includes(action.id))
    // A value Slack would reject can't be re-run from a click, so that button is left out.
    .filter((action) => action.value.length <= SLACK_LIMITS.buttonValue)
    .slice(0, SLACK_LIMITS.actionsPerBlock)
    .map((action) => ({
      type: "button" as const,
      action_id: `${SLACK_ACTION_PREFIX}${action.id}`,
      text: {
        type: "plain_text" as const,
        text: truncate(escapeSlack(action.label.trim() || action.id), SLACK_LIMITS.buttonText),
      },
      value: action.value,
      ...(action.style === "primary" || action.style === "danger" ? { style: action.style } : {}),
    }));
  return elements.length > 0 ? { type: "actions", elements } : undefined;
}

function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case "header":
    case "section":
      return block.text.text.length;
    case "context":
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case "actions":
      return block.elements.reduce((sum, b) => sum + b.text.text.length + b.value.length, 0);
    default:
      return 0;
  }
}

/**
 * Packs units (blocks that belong together, such as one passage) into messages. A unit only
 * straddles two messages when it alone is bigger than a message. `tail` (buttons, footer)
 * closes the last message.
 */
function pack(units: SlackBlock[][], tail: SlackBlock[]): SlackBlock[][] {
  const messages: SlackBlock[][] = [];
  let current: SlackBlock[] = [];
  let chars = 0;
  const fits = (blocks: SlackBlock[], reserve: number) =>
    current.length + blocks.length + reserve <= SLACK_LIMITS.blocksPerMessage &&
    chars + blocks.reduce((sum, block) => sum + blockChars(block), 0) <=
      SLACK_LIMITS.charsPerMessage;
  const flush = () => {
    if (current.length > 0) messages.push(current);
    current = [];
    chars = 0;
  };
  const add = (block: SlackBlock) => {
    current.push(block);
    chars += blockChars(block);
  };
  for (const unit of units) {
    if (!fits(unit, 0)) flush();
    for (const block of unit) {
      if (!fits([block], 0)) flush();
      add(block);
    }
  }
  if (tail.length > 0 && !fits(tail, 0)) flush();
  for (const block of tail) add(block);
  flush();
  return messages;
}

function fallbackText(reply: Reply, index: number): string {
  const base = [reply.title, reply.summary].filter(Boolean).join(": ");
  const text = index === 0 ? base : `${reply.title} (continued)`;
  return truncate(safeSlackText(text || "thesis-bot"), SLACK_LIMITS.fallbackText);
}
