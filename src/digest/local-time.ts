// Wall-clock arithmetic in IANA zones. croner computes the next HH:MM in a zone, including
// across daylight-saving changes (a 02:30 that does not exist runs at 03:00); Intl names the
// local date. Parsers return results instead of throwing, so commands can show the sentence.
import { Cron } from "croner";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "9:00" -> "09:00"; "25:00" -> a sentence saying what to type instead. */
export function parseTimeOfDay(input: string): Parsed<string> {
  const match = TIME_OF_DAY.exec(input.trim());
  if (!match) {
    return {
      ok: false,
      error: `"${input}" is not a time of day. Use HH:MM on a 24-hour clock, for example 09:00 or 17:30.`,
    };
  }
  return { ok: true, value: `${match[1]?.padStart(2, "0")}:${match[2]}` };
}

/** "europe/berlin" -> "Europe/Berlin"; "Mars/Olympus" -> a sentence. */
export function parseTimeZone(input: string): Parsed<string> {
  const error = `"${input}" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.`;
  const trimmed = input.trim();
  // Offsets like "+01:00" would not follow daylight saving; ask for a named zone instead.
  if (!/^[A-Za-z]/.test(trimmed)) return { ok: false, error };
  try {
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions()
      .timeZone;
    new Cron("0 0 9 * * *", { timezone: canonical, paused: true }).nextRun();
    return { ok: true, value: canonical };
  } catch {
    return { ok: false, error };
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: Date, timezone: string): Record<string, string> {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateFormats.set(timezone, format);
  }
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The calendar date (YYYY-MM-DD) at this instant in the zone. */
export function localDate(instant: Date, timezone: string): string {
  const parts = partsIn(instant, timezone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "2026-03-29 09:00" in the zone, for status lines. */
export function formatLocal(instant: Date, timezone: string): string {
  const parts = partsIn(instant, timezone);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function dailyCron(time: string, timezone: string): Cron {
  const [hour, minute] = time.split(":");
  return new Cron(`0 ${Number(minute)} ${Number(hour)} * * *`, { timezone, paused: true });
}

/** The first daily slot strictly after `after`. */
export function nextSlotAfter(time: string, timezone: string, after: Date): Date {
  const next = dailyCron(time, timezone).nextRun(after);
  if (!next) throw new Error(`No next run for ${time} in ${timezone}.`);
  return next;
}

/** The instant of the slot on a given local date (YYYY-MM-DD) in the zone. */
export function slotOnDate(time: string, timezone: string, date: string): Date {
  // Start well before the date in every zone (offsets span -12h..+14h) and walk forward.
  const start = new Date(Date.parse(`${date}T00:00:00Z`) - 36 * 3_600_000);
  for (const candidate of dailyCron(time, timezone).nextRuns(4, start)) {
    if (localDate(candidate, timezone) === date) return candidate;
  }
  throw new Error(`No ${time} on ${date} in ${timezone}.`);
}
