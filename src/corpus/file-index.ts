// Indexes one file: furniture, segments, claims. Pure and self-contained: the result
// depends on the file alone, so the ledger can index files in any order and reuse them.
import { extractClaims } from "./claims.ts";
import { findFurniture } from "./furniture.ts";
import { lineText } from "./lines.ts";
import type { RawFile } from "./load.ts";
import { segment } from "./segment.ts";
import { deriveTitle, type SourceEntry } from "./sources.ts";
import type { Claim, Paragraph, Section, SourceDocument } from "./types.ts";

export interface FileIndex {
  /** The document without its text and line table, which the caller already holds. */
  document: Omit<SourceDocument, "text" | "lineStarts">;
  sections: Section[];
  paragraphs: Paragraph[];
  claims: Claim[];
  warning?: string;
}

export function indexOneFile(raw: RawFile, meta: SourceEntry | undefined): FileIndex {
  const lines = raw.lineStarts.map((_, i) => lineText(raw.text, raw.lineStarts, i + 1));
  const furniture = findFurniture(lines);
  const segmented = segment({ ...raw, furniture: furniture.lines });
  const firstHeading = segmented.sections.find(
    (s) => s.heading !== null && s.lines[0] <= (segmented.paragraphs[0]?.lines[0] ?? 0),
  );
  const title =
    meta?.title ??
    deriveTitle(
      firstHeading?.heading ?? null,
      // The first line with letters: many articles open with a stray line such as ". ".
      lines.find((l, i) => /\p{L}/u.test(l) && !furniture.lines.has(i + 1)) ?? null,
      raw.id,
    );
  const outlet = meta?.outlet ?? furniture.outlet;
  const author = meta?.author ?? furniture.author;
  return {
    document: {
      id: raw.id,
      file: raw.file,
      title,
      ...(outlet ? { outlet } : {}),
      ...(author ? { author } : {}),
      ...(meta?.url ? { url: meta.url } : {}),
    },
    sections: segmented.sections,
    paragraphs: segmented.paragraphs,
    claims: extractClaims(raw.file, raw.id, title, raw.text, raw.lineStarts, segmented),
    ...(segmented.sentences.length === 0
      ? { warning: `${raw.file} has no sentences after cleaning.` }
      : {}),
  };
}
