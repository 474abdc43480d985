// Text safety for Slack. Slack reads `<...>` as links and mentions (<!channel>, <@U1>, <#C1>)
// in every text field, so bot and user text must have & < > escaped before it is sent.
// Bare "@here" only pings when a message is sent with link_names, which we never set, but
// text the bot writes (titles, summaries echoing a question) also gets a word joiner after
// the "@" so it stays harmless even if a client re-parses it. Quotes are only escaped:
// they must stay the exact source text.

export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const BROADCAST = /@(here|channel|everyone)\b/gi;

/** Escapes and defuses broadcast words in text the bot composes or echoes back. */
export function safeSlackText(text: string): string {
  return escapeSlack(text).replace(BROADCAST, "@\u2060$1");
}

/** Cuts to at most `max` characters, on a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(" ");
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/&[a-z]*$/i, "")}…`;
}
