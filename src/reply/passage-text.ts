// What every surface says about a quoted passage, before its own markup: the attribution
// ("1 · Title — Outlet"), the small print (file and lines), the quote's lines with the part
// the answer rests on marked, and the line chunking that keeps a long quote a quote.
import { linesInWords } from "../lib/text.ts";
import type { ReplyCitation } from "./reply.ts";

/** "lines 3–4" or "line 3". */
export function linesLabel(citation: ReplyCitation): string {
  return linesInWords(citation.lines);
}

/** "seeds/000_x.txt · lines 3–4": kept for whoever checks a quote, shown small. */
export function smallPrint(citation: ReplyCitation): string {
  return `${citation.file} · ${linesLabel(citation)}`;
}

/** "1 · Title — Outlet · under “Heading”" without markup (plain surfaces, labels, tests). */
export function attributionText(citation: ReplyCitation): string {
  const parts = [citation.label, citation.title.trim() || citation.file].filter(Boolean);
  const outlet = citation.outlet?.trim() ? ` — ${citation.outlet.trim()}` : "";
  const section = citation.section ? ` · under “${citation.section}”` : "";
  return `${parts.join(" · ")}${outlet}${section}`;
}

/** A URL safe to put in a link: http(s) only, so a source file cannot smuggle in a scheme. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export interface QuoteRun {
  text: string;
  emphasised: boolean;
}

/**
 * The quote's lines, each as runs of plain and emphasised text (a run never spans a line
 * break, because neither Slack nor Discord carries bold across one).
 */
export function quoteLines(citation: ReplyCitation): QuoteRun[][] {
  const [from, to] = citation.emphasis ?? [0, 0];
  const lines: QuoteRun[][] = [];
  let offset = 0;
  for (const line of citation.quote.split("\n")) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const a = Math.min(Math.max(from, start), end) - start;
    const b = Math.min(Math.max(to, start), end) - start;
    const runs: QuoteRun[] = [
      { text: line.slice(0, a), emphasised: false },
      { text: line.slice(a, b), emphasised: true },
      { text: line.slice(b), emphasised: false },
    ];
    lines.push(runs.filter((run) => run.text !== ""));
  }
  return lines;
}

/**
 * Wraps an emphasised run in `mark`, keeping its outer spaces outside the marks (both
 * platforms ignore "* text *").
 */
export function markRun(run: QuoteRun, escapeText: (text: string) => string, mark: string): string {
  if (!run.emphasised || run.text.trim() === "") return escapeText(run.text);
  const [, lead = "", core = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  return `${lead}${mark}${escapeText(core)}${mark}${trail}`;
}

/**
 * Groups lines into chunks of at most `max` characters; a single line longer than that is
 * cut at spaces (each continuation starts with `prefix`, so a quote stays a quote).
 */
export function chunkLines(lines: string[], max: number, prefix = ""): string[] {
  const pieces = lines.flatMap((line) => splitLongLine(line, max, prefix));
  const chunks: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const next = current === "" ? piece : `${current}\n${piece}`;
    if (next.length > max && current !== "") {
      chunks.push(current);
      current = piece;
    } else {
      current = next;
    }
  }
  if (current !== "" || chunks.length === 0) chunks.push(current);
  return chunks;
}

function splitLongLine(line: string, max: number, prefix: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut <= prefix.length) cut = max;
    // Never cut inside an entity such as &amp; (Slack would show the broken half).
    const entity = /&[a-z]*$/i.exec(rest.slice(0, cut));
    if (entity && entity.index > prefix.length) cut = entity.index;
    out.push(rest.slice(0, cut));
    rest = prefix + rest.slice(cut).replace(/^ /, "");
  }
  out.push(rest);
  return out;
}
