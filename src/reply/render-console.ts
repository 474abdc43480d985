// Reply -> terminal text for the local console: title, summary, numbered sections with each
// quote on "> " lines and its source on a "— title, file:lines" line, the footer, and the
// buttons turned into follow-up commands the user can type. Text from sources and users is
// stripped of terminal control characters, so a quote can never move the cursor or recolour
// the screen; line breaks are kept, because a quote's lines are part of what it cites.
import type { Citation } from "../corpus/types.ts";
import type { Reply, ReplySection } from "./reply.ts";

// C0 controls except tab and newline, DEL, and the C1 range (which includes CSI, U+009B).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control characters; "\r\n" becomes "\n". */
export function escapeConsole(text: string): string {
  return text.replace(/\r\n/g, "\n").replace(CONTROL, "");
}

function linesOf(citation: Citation): string {
  const [start, end] = citation.lines;
  return start === end ? `${start}` : `${start}–${end}`;
}

export function renderCitation(citation: Citation): string {
  const quoted = escapeConsole(citation.quote)
    .split("\n")
    .map((line) => `  > ${line}`);
  return [
    ...quoted,
    `  — ${escapeConsole(citation.title)}, ${escapeConsole(citation.file)}:${linesOf(citation)}`,
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
  if (reply.actions.length > 0) {
    blocks.push(
      [
        "Follow up by typing:",
        ...reply.actions.map(
          (a) => `  ${escapeConsole(a.label)}: /thesis ${escapeConsole(a.value)}`,
        ),
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
