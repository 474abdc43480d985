// Text from Slack arrives in Slack's markup: & < > as entities and mentions or links as
// <...> tokens. Commands want what the person meant, in plain words; the renderer escapes
// everything again on the way out, so nothing typed here can ping anyone.
import { MAX_QUESTION_CHARS } from "../../answer/limits.ts";

/** Turns Slack markup into plain text: "<!channel>" -> "@channel", "<@U1>" -> "@U1". */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => {
      const [target = "", label] = inner.split("|", 2);
      if (label) return target.startsWith("#") ? `#${label}` : label;
      if (target.startsWith("!")) return `@${target.slice(1).replace(/\^.*$/, "")}`;
      if (target.startsWith("@") || target.startsWith("#")) return target;
      return target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Removes mentions of the bot itself (the way an app_mention starts). */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g") : /^\s*<@[^>]+>/;
  return text.replace(own, " ").replace(/\s+/g, " ").trim();
}

/** Shortens a message to a searchable question, on a word boundary. */
export function clipQuestion(text: string, max = MAX_QUESTION_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return space > max * 0.6 ? cut.slice(0, space) : cut;
}
