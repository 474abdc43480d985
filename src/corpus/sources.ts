// Source metadata: titles and outlets. `sources.json` beside the articles (optional) names
// what the text does not; everything else is read off the article itself.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { clip, oneLine } from "../lib/text.ts";

/** A title taken from a first sentence is cut to this length. Defaults to 90 characters. */
const TITLE_MAX_CHARS = 90;

const entry = z.object({
  id: z.string(),
  file: z.string(),
  title: z.string().min(1),
  outlet: z.string().optional(),
  author: z.string().optional(),
  url: z.string().optional(),
});
const sourcesFile = z.array(entry);
export type SourceEntry = z.infer<typeof entry>;

export async function readSourcesFile(
  dir: string,
): Promise<{ entries: SourceEntry[]; warning?: string }> {
  const file = path.join(dir, "sources.json");
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return { entries: [] };
  }
  try {
    const parsed = sourcesFile.safeParse(JSON.parse(raw));
    if (parsed.success) return { entries: parsed.data };
    return {
      entries: [],
      warning: `Ignored ${path.basename(dir)}/sources.json: ${parsed.error.issues[0]?.message}.`,
    };
  } catch {
    return {
      entries: [],
      warning: `Ignored ${path.basename(dir)}/sources.json: it is not valid JSON.`,
    };
  }
}

/** A title for an article with none in sources.json: its first heading, else its first words. */
export function deriveTitle(
  firstHeading: string | null,
  firstSentence: string | null,
  fallback: string,
): string {
  if (firstHeading) return firstHeading.trim();
  if (!firstSentence) return fallback;
  const clean = oneLine(firstSentence);
  if (clean.length <= TITLE_MAX_CHARS) return clean.replace(/[.:;,]$/, "");
  return clip(clean, TITLE_MAX_CHARS);
}
