// Splits one cleaned file into sections (under headings), paragraphs and sentences, each
// with 1-based line spans and offsets into the file as stored.
import { hash } from "node:crypto";
import { linesOf, lineText } from "./lines.ts";
import { splitSentences } from "./sentences.ts";
import type { Paragraph, Section, Sentence } from "./types.ts";

export interface Segmented {
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Line numbers read as headings. */
  headings: Set<number>;
}

interface FileView {
  file: string;
  text: string;
  lineStarts: number[];
  furniture: Set<number>;
}

const LIST_INTRO = /:[\s.]*$/;
const TERMINAL = /[.!?…:;,"”’)\]]$/;
const shortId = (...parts: (string | number)[]) =>
  hash("sha256", parts.join("\u0000"), "hex").slice(0, 12);

/**
 * A heading: a Markdown "#" line, or a short line that does not end like a sentence and
 * stands on its own (the line before ended a sentence or was blank). FAQ-style questions
 * are read as questions, not headings.
 */
export function isHeadingLine(line: string, previous: string | null): boolean {
  const trimmed = line.trim();
  if (/^#{1,6}\s+\S/.test(trimmed)) return true;
  if (trimmed === "" || trimmed.length > 110 || TERMINAL.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length > 16) return false;
  if (!/^[\p{Lu}\d$“"'‘#*]/u.test(trimmed)) return false;
  return previous === null || previous.trim() === "" || /[.!?:"”’)]$/.test(previous.trim());
}

/** Paragraph text continues on the next line only when this line stops mid-sentence. */
function continuesOnNextLine(line: string, next: string | undefined): boolean {
  if (next === undefined || next.trim() === "") return false;
  return !/[.!?:"”’)]$/.test(line.trim());
}

export function segment(view: FileView): Segmented {
  const { file, text, lineStarts, furniture } = view;
  const lineCount = lineStarts.length;
  const line = (n: number) => lineText(text, lineStarts, n);
  const headings = new Set<number>();
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];

  let section: Section = openSection(file, null, 1, lineStarts);
  let previousContent: string | null = null;
  let inList = false;
  /** The next line with text after line n, skipping blank lines and furniture. */
  const nextContent = (n: number): string | null => {
    for (let k = n + 1; k <= lineCount; k++)
      if (!furniture.has(k) && line(k).trim() !== "") return line(k);
    return null;
  };
  let n = 1;
  while (n <= lineCount) {
    const current = line(n);
    if (furniture.has(n) || current.trim() === "") {
      n++;
      continue;
    }
    const headingLike = isHeadingLine(current, previousContent);
    // A list item is content: lines after "…include:", and a short line followed straight
    // by another (a heading stands over text, not over the next heading).
    inList =
      headingLike &&
      (LIST_INTRO.test(previousContent ?? "") ||
        inList ||
        isHeadingLine(nextContent(n) ?? "", current));
    if (headingLike && !inList) {
      closeSection(section, sections, paragraphs);
      headings.add(n);
      section = openSection(file, current.trim().replace(/^#+\s*/, ""), n, lineStarts);
      previousContent = current;
      n++;
      continue;
    }
    // Gather one paragraph: this line plus following lines while it stops mid-sentence.
    let last = n;
    while (
      !inList &&
      last < lineCount &&
      !furniture.has(last + 1) &&
      continuesOnNextLine(line(last), line(last + 1))
    ) {
      last++;
    }
    const start = (lineStarts[n - 1] ?? 0) + (current.length - current.trimStart().length);
    const lastText = line(last);
    const end = (lineStarts[last - 1] ?? 0) + lastText.trimEnd().length;
    const paragraph: Paragraph = {
      id: shortId(file, start, end),
      file,
      sectionId: section.id,
      lines: linesOf(lineStarts, [start, end]),
      offsets: [start, end],
      text: text.slice(start, end),
    };
    paragraphs.push(paragraph);
    for (const [a, b] of splitSentences(paragraph.text)) {
      const offsets: [number, number] = [start + a, start + b];
      sentences.push({
        file,
        paragraphId: paragraph.id,
        offsets,
        lines: linesOf(lineStarts, offsets),
        text: text.slice(offsets[0], offsets[1]),
      });
    }
    previousContent = lastText;
    n = last + 1;
  }
  closeSection(section, sections, paragraphs);
  return { sections, paragraphs, sentences, headings };
}

function openSection(
  file: string,
  heading: string | null,
  n: number,
  lineStarts: number[],
): Section {
  const offset = lineStarts[n - 1] ?? 0;
  return {
    id: shortId(file, "section", n),
    file,
    heading,
    lines: [n, n],
    offsets: [offset, offset],
  };
}

/** A section spans from its heading to the end of its last paragraph. */
function closeSection(section: Section, sections: Section[], paragraphs: Paragraph[]): void {
  const own = paragraphs.filter((p) => p.sectionId === section.id);
  const last = own[own.length - 1];
  if (!last && section.heading === null) return;
  if (last) {
    section.lines = [section.lines[0], last.lines[1]];
    section.offsets = [section.offsets[0], last.offsets[1]];
  }
  sections.push(section);
}
