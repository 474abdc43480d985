// The daily digest's content for a (channel, local date): the claim of the day as a bull/bear
// pair, the risk most sources raise, what is new since the channel's last digest, and a short
// plain-text post. Platform-neutral: renderers escape the text; every citation comes from the
// answer service, so it has already passed the quote check.
import type { RiskEntry, ThesisService } from "../answer/types.ts";
import type { Citation } from "../corpus/types.ts";
import type { ChannelRef } from "../store/types.ts";
import { type DigestMemory, newSinceLastDigest } from "./news.ts";
import { dayNumber, rotationIndex } from "./rotation.ts";
import type { ComposeDigest, Digest, DigestNewItem, DigestPair } from "./types.ts";

export interface ComposeDigestOptions {
  /** Where the channel's digest history lives; without it `new` is always empty. */
  memory?: DigestMemory;
  /** Remember what the corpus held for this digest (the scheduler does; previews do not). */
  record?: boolean;
  now?: () => Date;
}

interface PoolEntry extends DigestPair {
  topic: { id: string; label: string };
}

const poolCache = new WeakMap<ThesisService, readonly PoolEntry[]>();

/** Among how many of the most-raised risks the risk of the day rotates. */
const TOP_RISKS = 3;
const QUOTE_CHARS = 140;
const TITLE_CHARS = 60;

const citationKey = (c: Citation) =>
  `${c.file}\u0000${c.lines[0]}\u0000${c.lines[1]}\u0000${c.quote}`;

/**
 * Every complete bull/bear pair across all topics, once per bull quote (the same claim is
 * often the best pair under several topics), in an order that does not depend on topic order.
 */
export function digestPairPool(thesis: ThesisService): readonly PoolEntry[] {
  // A service answers over a fixed ledger, so its pool never changes; pairing every topic
  // takes tens of milliseconds, which a month of previews should not pay again and again.
  const cached = poolCache.get(thesis);
  if (cached) return cached;
  const byBull = new Map<string, PoolEntry>();
  for (const topic of thesis.topics()) {
    for (const { bull, bear } of thesis.bullbear(topic.id).pairs) {
      if (!bull || !bear || byBull.has(bull.quote)) continue;
      byBull.set(bull.quote, { bull, bear, topic: { id: topic.id, label: topic.label } });
    }
  }
  const pool = [...byBull.values()];
  pool.sort((a, b) => (citationKey(a.bull) < citationKey(b.bull) ? -1 : 1));
  poolCache.set(thesis, pool);
  return pool;
}

/**
 * The most-raised risk (most sources, then most citations). Risks raised by two or more
 * sources take turns by day, up to the top three, so the digest does not repeat one risk daily.
 */
export function riskOfTheDay(risks: readonly RiskEntry[], date: string): RiskEntry | undefined {
  const ranked = risks
    .filter((r) => r.citations.length > 0)
    .sort((a, b) => b.sources - a.sources || b.citations.length - a.citations.length);
  const shared = ranked.filter((r) => r.sources >= 2).slice(0, TOP_RISKS);
  const candidates = shared.length > 0 ? shared : ranked.slice(0, 1);
  const day = dayNumber(date);
  return candidates[((day % candidates.length) + candidates.length) % candidates.length];
}

/** Collapses a quote to one line and shortens it at a word, marking the cut with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const window = flat.slice(0, max - 1);
  const space = window.lastIndexOf(" ");
  return `${(space > max / 2 ? window.slice(0, space) : window).replace(/[\s,;:.]+$/, "")}…`;
}

function newLine(items: readonly DigestNewItem[]): string | undefined {
  if (items.length === 0) return undefined;
  const parts = items.map((item) => {
    const title = shorten(item.title, TITLE_CHARS);
    if (item.newSource) return `${title} (new source, ${item.claims} claims)`;
    return `${title} (${item.claims} new claim${item.claims === 1 ? "" : "s"})`;
  });
  return `New since the last digest: ${parts.join("; ")}`;
}

export function digestText(digest: Omit<Digest, "text">): string {
  const { pair, risk, topic } = digest;
  const lines = [`Daily digest for ${digest.date}${topic ? ` · ${topic.label}` : ""}`];
  if (pair) {
    lines.push(
      `Bull: “${shorten(pair.bull.quote, QUOTE_CHARS)}” (${shorten(pair.bull.title, TITLE_CHARS)})`,
    );
    lines.push(
      `Bear: “${shorten(pair.bear.quote, QUOTE_CHARS)}” (${shorten(pair.bear.title, TITLE_CHARS)})`,
    );
  }
  if (risk) {
    const by = `${risk.sources} source${risk.sources === 1 ? "" : "s"}`;
    lines.push(`Top risk, raised by ${by}: ${shorten(risk.label, QUOTE_CHARS)}`);
  }
  const news = newLine(digest.new);
  if (news) lines.push(news);
  if (!pair && !risk) {
    lines.push("The corpus has no bull/bear pair or risk to quote today.");
    lines.push("Ask it anything with /thesis ask <your question>");
  } else {
    const more = topic ? `/thesis bullbear ${topic.id} or ` : "";
    lines.push(`Full quotes in the thread. Ask more: ${more}/thesis ask <your question>`);
  }
  return lines.join("\n");
}

/** The digest `channel` gets on local date `date` (YYYY-MM-DD). */
export async function composeDigest(
  thesis: ThesisService,
  channel: ChannelRef,
  date: string,
  options: ComposeDigestOptions = {},
): Promise<Digest> {
  const pool = digestPairPool(thesis);
  const seed = `${channel.platform}:${channel.channelId}`;
  const index = rotationIndex(pool.length, seed, date);
  const chosen = index === undefined ? undefined : pool[index];
  const risk = riskOfTheDay(thesis.risks().risks, date);
  const news = options.memory
    ? await newSinceLastDigest(thesis, options.memory, channel, date, {
        record: options.record ?? false,
        now: options.now ?? (() => new Date()),
      })
    : [];
  const digest: Omit<Digest, "text"> = {
    date,
    topic: chosen?.topic ?? null,
    pair: chosen ? { bull: chosen.bull, bear: chosen.bear } : null,
    risk: risk ? { label: risk.label, sources: risk.sources, citations: risk.citations } : null,
    new: news,
  };
  return { ...digest, text: digestText(digest) };
}

/**
 * The composer the app schedules and previews with. With the store's collections it also
 * reports what is new since the channel's last digest; the scheduler's calls record a snapshot
 * for that, previews (`{ preview: true }`) only read.
 */
export function digestComposer(thesis: ThesisService, memory?: DigestMemory): ComposeDigest {
  return (channel, date, options) =>
    composeDigest(thesis, channel, date, {
      ...(memory ? { memory } : {}),
      record: !options?.preview,
    });
}
