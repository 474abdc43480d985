// The articles as they are on disk now, for the quote check. A running bot must never quote
// an article as it was at start-up: each lookup stats the file (mtime and size, a few
// microseconds) and reads it again only when either changed. A deleted or unreadable file
// has no text, so every quote from it is dropped.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { decodeArticle } from "./load.ts";

/** File (as citations name it) -> its current text. A Map is one; so is liveSourceTexts. */
export interface SourceTexts {
  get(file: string): string | undefined;
}

interface Seen {
  mtimeNs: bigint;
  size: bigint;
  text: string | undefined;
}

export function liveSourceTexts(corpusDir: string): SourceTexts {
  const root = path.resolve(corpusDir);
  const prefix = `${path.basename(root)}/`;
  const seen = new Map<string, Seen>();
  return {
    get(file) {
      if (!file.startsWith(prefix)) return undefined;
      const relative = file.slice(prefix.length);
      if (relative.split("/").includes("..")) return undefined;
      const full = path.join(root, ...relative.split("/"));
      const stats = statSync(full, { bigint: true, throwIfNoEntry: false });
      if (!stats?.isFile()) {
        seen.delete(file);
        return undefined;
      }
      const before = seen.get(file);
      if (before && before.mtimeNs === stats.mtimeNs && before.size === stats.size) {
        return before.text;
      }
      let text: string | undefined;
      try {
        const decoded = decodeArticle(readFileSync(full));
        text = "text" in decoded ? decoded.text : undefined;
      } catch {
        text = undefined;
      }
      seen.set(file, { mtimeNs: stats.mtimeNs, size: stats.size, text });
      return text;
    },
  };
}
