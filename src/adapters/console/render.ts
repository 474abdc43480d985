// Reply -> terminal text for the local console: title, summary, sections with each quote on
// "> " lines, its credit on a "— 1 · Title — Outlet" line and its file and lines under that,
// the footer, and the buttons that mean something here (bear case, next page) turned into
// commands the user can type; share and thread buttons have no channel to act on and are
// left out. Text from sources and users is
// stripped of terminal control characters, so a quote can never move the cursor or recolour
// the screen; line breaks are kept, because a quote's lines are part of what it cites.
import { attributionText, linesLabel } from "../../reply/passage-text.ts";
import type { Reply, ReplyCitation, ReplySection } from "../../reply/reply.ts";

/** Buttons that post to a channel or a thread: the console has neither. */
const CHANNEL_ONLY_ACTIONS = new Set(["share", "thread"]);

// C0 controls except tab and newline, DEL, and the C1 range (which includes CSI, U+009B).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control characters; "\r\n" becomes "\n". */
export function escapeConsole(text: string): string {
  return text.replace(/\r\n/g, "\n").replace(CONTROL, "");
}

export function renderCitation(citation: ReplyCitation): string {
  const quoted = escapeConsole(citation.quote)
    .split("\n")
    .map((line) => `  > ${line}`);
  return [
    ...quoted,
    `  — ${escapeConsole(attributionText(citation))}`,
    `    ${escapeConsole(citation.file)}, ${linesLabel(citation)}`,
  ].join("\n");
}

function renderSection(section: ReplySection): string {
  const parts: string[] = [];
  if (section.heading) parts.push(escapeConsole(section.heading));
  if (section.text) parts.push(indent(escapeConsole(section.text)));
  for (const citation of section.citations) parts.push(renderCitation(citation));
  return parts.join("\n");
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => `  ${line}`.trimEnd())
    .join("\n");

export function renderConsole(reply: Reply): string {
  const blocks: string[] = [];
  const head = [escapeConsole(reply.title)];
  if (reply.summary) head.push(escapeConsole(reply.summary));
  blocks.push(head.join("\n"));
  for (const section of reply.sections) {
    const text = renderSection(section);
    if (text) blocks.push(text);
  }
  if (reply.footer) blocks.push(escapeConsole(reply.footer));
  const actions = reply.actions.filter((action) => !CHANNEL_ONLY_ACTIONS.has(action.id));
  if (actions.length > 0) {
    blocks.push(
      [
        "Follow up by typing:",
        ...actions.map((a) => `  ${escapeConsole(a.label)}: /thesis ${escapeConsole(a.value)}`),
      ].join("\n"),
    );
  }
  return `${blocks.join("\n\n")}\n`;
}

/** The machine-readable form: the result behind the reply (the CLI's --json document). */
export function renderConsoleJson(reply: Reply): string {
  const body = reply.data ?? { kind: reply.kind, title: reply.title, message: reply.summary ?? "" };
  return `${JSON.stringify(body, null, 2)}\n`;
}
