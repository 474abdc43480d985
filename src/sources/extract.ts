// The article a fetched page holds, as plain text with its metadata. HTML goes through
// Mozilla's Readability (Firefox's Reader View) over linkedom's DOM; plain text and Markdown
// are kept as they are. The text is what the ledger indexes and what quotes are checked
// against, so it is written once here, one paragraph per line with blank lines between.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeArticle } from "../corpus/load.ts";
import { SourceError } from "./errors.ts";
import type { FetchedPage } from "./fetch-page.ts";

export interface ExtractedArticle {
  title?: string;
  outlet?: string;
  author?: string;
  /** As the page gives it (often ISO 8601). */
  date?: string;
  text: string;
}

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const TEXT_TYPES = new Set(["text/plain", "text/markdown", "text/x-markdown"]);
/** Fewer letters than this after extraction is a page with no article (a login wall, a menu). */
const MIN_ARTICLE_LETTERS = 200;

const noArticle = () =>
  new SourceError("no-article", "No article text was found on that page, so nothing was added.");

export function extractArticle(page: FetchedPage): ExtractedArticle {
  const type = page.contentType || sniff(page.bytes);
  if (type === "application/pdf" || page.bytes.subarray(0, 5).toString("latin1") === "%PDF-")
    throw new SourceError(
      "pdf",
      "That link is a PDF, which cannot be added yet: paste its text instead.",
    );
  if (HTML_TYPES.has(type)) return fromHtml(decode(page), page.url);
  if (TEXT_TYPES.has(type) || /\.(?:md|markdown|txt)$/i.test(new URL(page.url).pathname)) {
    const decoded = decodeArticle(page.bytes, Number.POSITIVE_INFINITY);
    if ("reason" in decoded)
      throw new SourceError("not-text", `That file cannot be added: ${decoded.reason}.`);
    return fromPlainText(decoded.text);
  }
  throw new SourceError(
    "not-text",
    `That link is ${type ? `a ${type} file` : "not a web page"}, not HTML or text, so it was not added.`,
  );
}

/** Plain text or Markdown, kept as written; the title is its first heading, if any. */
export function fromPlainText(text: string): ExtractedArticle {
  if (letters(text) < MIN_ARTICLE_LETTERS) throw noArticle();
  const heading = /^#{1,2}\s+(.+)$/m.exec(text)?.[1]?.trim();
  return { ...(heading ? { title: heading } : {}), text: text.replace(/\r\n?/g, "\n") };
}

function fromHtml(html: string, url: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  if (!article?.content) throw noArticle();
  const body = blocksOf(article.content);
  if (letters(body) < MIN_ARTICLE_LETTERS) throw noArticle();
  const title = withoutSiteName(
    clean(article.title ?? undefined),
    clean(article.siteName ?? undefined),
  );
  const meta = (selector: string) =>
    clean(document.querySelector(selector)?.getAttribute("content") || undefined);
  const date =
    clean(article.publishedTime ?? undefined) ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]');
  const outlet =
    clean(article.siteName ?? undefined) ?? new URL(url).hostname.replace(/^www\./, "");
  const author = clean(article.byline ?? undefined);
  return {
    ...(title ? { title } : {}),
    outlet,
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
    // The title leads the text, as a Markdown heading, so the ledger reads it as one.
    text: `${title ? `# ${title}\n\n` : ""}${body}\n`,
  };
}

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td";

/** One line per block of the article's HTML, headings marked as in Markdown. */
function blocksOf(contentHtml: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const lines: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    // A block inside another block (a <p> in an <li>) is read with its parent.
    if (element.parentElement?.closest(BLOCKS)) continue;
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (!text) continue;
    const level = /^H([1-6])$/.exec(element.tagName)?.[1];
    lines.push(level ? `${"#".repeat(Number(level))} ${text}` : text);
  }
  return lines.join("\n\n");
}

function decode(page: FetchedPage): string {
  const declared =
    page.charset ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(
      page.bytes.subarray(0, 2048).toString("latin1"),
    )?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(page.bytes);
  } catch {
    return new TextDecoder("utf-8").decode(page.bytes);
  }
}

function sniff(bytes: Buffer): string {
  const head = bytes.subarray(0, 512).toString("latin1").trimStart().toLowerCase();
  if (head.startsWith("%pdf-")) return "application/pdf";
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "text/html";
  return "";
}

/** "Quokka subnet draws validators | Example Wire" -> "Quokka subnet draws validators". */
function withoutSiteName(title: string | undefined, site: string | undefined): string | undefined {
  if (!title || !site) return title;
  const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return title.replace(new RegExp(`\\s+[|\\-–—·:]\\s+${escaped}$`, "i"), "") || title;
}

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : undefined;
}

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}
