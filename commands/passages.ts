// How commands hand quoted passages to a reply: credited with their source's outlet and URL
// (from the ledger's documents), a passage that is only its section's heading folded into
// the passage it heads, and the lead answer marked inside passage 1 instead of said twice.
import type { SourceInfo } from "../src/answer/types.ts";
import type { Citation } from "../src/corpus/types.ts";
import type { ReplyCitation } from "../src/reply/reply.ts";
import type { CommandContext } from "./types.ts";

/** Each citation with its source's outlet and URL, and a label when `labelOf` gives one. */
export function credit(
  ctx: CommandContext,
  citations: readonly Citation[],
  labelOf?: (index: number) => string,
): ReplyCitation[] {
  const sources = new Map<string, SourceInfo>(ctx.thesis.sources().map((s) => [s.file, s]));
  return citations.map((citation, index) => {
    const source = sources.get(citation.file);
    return {
      ...citation,
      ...(labelOf ? { label: labelOf(index) } : {}),
      ...(source?.outlet ? { outlet: source.outlet } : {}),
      ...(source?.url ? { url: source.url } : {}),
    };
  });
}

const SENTENCE_END = /[.!?…:;,]["”’)\]]*$/;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** A line that names a section rather than saying something: short, no closing punctuation (a lead-in ending in ":" says something). */
function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== "" && !SENTENCE_END.test(trimmed) && words(trimmed).length <= 12;
}

/** Mostly a heading: most of its words are on heading lines. */
export function isHeadingPassage(quote: string): boolean {
  const lines = quote.split("\n").filter((line) => line.trim() !== "");
  const total = words(quote).length;
  const heading = lines.filter(isHeadingLine).reduce((sum, line) => sum + words(line).length, 0);
  return total > 0 && heading * 2 > total;
}

/**
 * Folds each heading-only passage into the shown passage that starts just below it (same
 * file, at most one blank line between): that passage keeps the better rank and names the
 * heading as its section. A heading with no passage of its own below it is left out, unless
 * it is all there is, so it never fills a slot a passage could.
 */
export function foldHeadings(citations: readonly ReplyCitation[]): ReplyCitation[] {
  const headings = citations.filter((c) => isHeadingPassage(c.quote));
  if (headings.length === 0 || headings.length === citations.length) return [...citations];
  const belowOf = new Map<ReplyCitation, ReplyCitation | undefined>();
  const sectionOf = new Map<ReplyCitation, string>();
  for (const heading of headings) {
    const below = citations.find(
      (c) =>
        c.file === heading.file &&
        !isHeadingPassage(c.quote) &&
        c.lines[0] > heading.lines[1] &&
        c.lines[0] - heading.lines[1] <= 2,
    );
    belowOf.set(heading, below);
    if (below) sectionOf.set(below, heading.quote.replace(/\s+/g, " ").trim());
  }
  const kept: ReplyCitation[] = [];
  for (const citation of citations) {
    // A heading's slot goes to the passage it heads, which keeps the better rank.
    const shown = belowOf.has(citation) ? belowOf.get(citation) : citation;
    if (shown && !kept.includes(shown)) kept.push(shown);
  }
  return kept.map((c) => {
    const section = sectionOf.get(c);
    return section ? { ...c, section } : c;
  });
}

/**
 * Where the lead answer sits in a quote, as [start, end) offsets, matching across the
 * quote's own spacing and line breaks (the lead is one of its sentences, spaces collapsed).
 */
export function findLead(quote: string, lead: string): [number, number] | undefined {
  const parts = words(lead).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (parts.length === 0) return undefined;
  const match = new RegExp(parts.join("\\s+")).exec(quote);
  return match ? [match.index, match.index + match[0].length] : undefined;
}
