// Which item of a pool a channel sees on a date, as a pure function of (channel, date).
//
// Why a seeded permutation indexed by the day rather than a stored cursor: the CLI previews
// any date without a store, every replica computes the same digest without coordinating,
// and retrying a failed post composes the same content. Indexing a fixed permutation by
// consecutive day numbers visits every item once per `pool.length` days, so there are no
// repeats until the pool is exhausted, with no state to lose. Seeding by the channel makes
// two channels on the same day likely to see different items. When the pool itself changes
// (a new source), the permutation changes too and the cycle starts over; that is accepted.
import { seededRandom as generator } from "../lib/seeded-random.ts";

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 for a "YYYY-MM-DD" date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The "YYYY-MM-DD" date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** FNV-1a, 32 bits: a stable seed from a string (not for security). */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The indices 0..size-1 shuffled (Fisher–Yates) by a generator seeded with `seed`. */
export function seededPermutation(size: number, seed: string): number[] {
  const order = Array.from({ length: size }, (_, i) => i);
  const random = generator(hashString(seed));
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The pool index a channel gets on a date; undefined for an empty pool. */
export function rotationIndex(size: number, seed: string, date: string): number | undefined {
  if (size === 0) return undefined;
  const day = dayNumber(date);
  return seededPermutation(size, seed)[((day % size) + size) % size];
}
