// Page furniture: text a web page carries around an article that no author claims.
// Patterns match one whole trimmed line. They are data, applied to every article alike.

export const FURNITURE_LINE_PATTERNS: readonly RegExp[] = [
  // Tickers: "BTC $58,633.77 -1.40%".
  /^[A-Z0-9]{2,10}\s+\$?[\d,]+(?:\.\d+)?\s+[-+−]?\d+(?:\.\d+)?%$/,
  /^(?:advertisement|sponsored(?: content)?|promoted|ad)$/i,
  /^(?:breaking(?: news)?|exclusive|live|opinion|analysis)$/i,
  // Trust widgets and vote counters.
  /^community trust (?:score|index)/i,
  /^(?:verified|real|fake|unverified)(?:\s*\d+\s*votes?)?$/i,
  /^\d{1,3}%$/,
  /^real\s*\d{1,3}%\s*\d{1,3}%\s*fake$/i,
  /^\d+\s+(?:community signals|votes|comments|shares|likes)$/i,
  /^(?:updated|published|posted)\s+(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month)s?\s+ago$/i,
  /^(?:updated|published|posted)(?: on)?:?\s+\w+ \d{1,2},? \d{4}/i,
  /^\d+\s+min(?:ute)?s?\s+read$/i,
  /^related (?:stories|articles|posts|news|reading|insights|content)$/i,
  /^(?:read more|see also|more from|share this|share on \w+|follow us|tags?:.*)$/i,
  // Newsletter and podcast blurbs.
  /^(?:get|sign up for|subscribe to) (?:your|our|the)? ?(?:free )?.*(?:newsletter|brief|digest|updates)\.?$/i,
  /^we (?:scan|send|email|deliver) .*(?:daily|weekly|inbox|insights)\.?$/i,
  /^(?:subscribe|sign up|join our newsletter)[.!]?$/i,
];

/** A bio paragraph: "<Name> is a/an <...> journalist/writer/... ". */
export const AUTHOR_BIO_PATTERN =
  /^([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,3}) is (?:a|an|the) [^.]{0,160}?\b(?:journalist|writer|reporter|editor|columnist|analyst|contributor|author|correspondent|researcher)\b/u;

/** The outlet a bio names: "... to The Currency Analytics." */
export const BIO_OUTLET_PATTERN =
  /\b(?:to|for|at|with)\s+((?:The\s+)?[A-Z][\p{L}&'’-]+(?:\s+[A-Z][\p{L}&'’-]+){0,4})\.?\s*$/u;
