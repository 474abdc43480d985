// An added source (a store record) as the ledger holds it: cited as "added/<id>", its text
// the stored one, its metadata what the page gave. Shared by adding, syncing and listing.
import { lineStartsOf } from "../corpus/lines.ts";
import type { StoredSource } from "../store/index.ts";
import type { ExtractedArticle } from "./extract.ts";
import type { SourceFile } from "./live-corpus.ts";
import { textHash } from "./text-hash.ts";

/** Where added sources are cited from: "added/<id>", beside "<corpus folder>/<file>". */
export const ADDED_PREFIX = "added/";

/** What a replica keeps of a source it indexed: the record without its text (the ledger has it). */
export type IndexedSource = Omit<StoredSource, "text">;

export const fileOf = (id: string) => `${ADDED_PREFIX}${id}`;

/** The record's id when `file` is an added source's, else undefined (a folder file). */
export const addedIdOf = (file: string): string | undefined =>
  file.startsWith(ADDED_PREFIX) ? file.slice(ADDED_PREFIX.length) : undefined;

export function sourceFile(record: StoredSource): SourceFile {
  return {
    raw: {
      file: fileOf(record.id),
      id: record.id,
      text: record.text,
      lineStarts: lineStartsOf(record.text),
    },
    meta: {
      title: record.title,
      ...(record.outlet ? { outlet: record.outlet } : {}),
      ...(record.author ? { author: record.author } : {}),
      ...(record.url ? { url: record.url } : {}),
    },
    stored: true,
  };
}

export function recordFrom(
  id: string,
  article: ExtractedArticle,
  extra: { url?: string; addedBy?: string; addedAt: string },
): StoredSource {
  const title =
    article.title ??
    article.text
      .split("\n")
      .find((l) => /\p{L}/u.test(l))
      ?.slice(0, 90) ??
    id;
  return {
    id,
    title,
    ...(extra.url ? { url: extra.url } : {}),
    ...(article.outlet ? { outlet: article.outlet } : {}),
    ...(article.author ? { author: article.author } : {}),
    ...(article.date ? { date: article.date } : {}),
    origin: "chat",
    addedAt: extra.addedAt,
    ...(extra.addedBy ? { addedBy: extra.addedBy } : {}),
    text: article.text,
    textHash: textHash(article.text),
  };
}

/** The same page however it was linked: no fragment, no trailing slash, host in lower case. */
export function normalUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    return parsed.href.replace(/\/$/, "");
  } catch {
    return url;
  }
}
