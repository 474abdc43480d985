// Reads what a user typed (text on Slack and the console) against the declarations: which
// subcommand, and which words fill which option. Parsing returns results instead of
// throwing; the bot (src/bot/bot.ts) validates the options and runs the subcommand.
import { MAX_INPUT_CHARS } from "../src/answer/limits.ts";
import { usageReply } from "../src/reply/build.ts";
import type { Reply } from "../src/reply/reply.ts";
import type { SubcommandDefinition } from "./types.ts";

/** A failure the user caused and can fix; its message is shown as is. */
export class UserError extends Error {
  override name = "UserError";
}

export { MAX_INPUT_CHARS };

export type ParsedText =
  | { ok: true; name: string; raw: Record<string, string> }
  | { ok: false; reply: Reply };

/**
 * Positional order of a subcommand's options: declaration order, the rest option last.
 * Options declared after the rest option are not positional: they exist for structured
 * surfaces only (Discord's `limit` on ask), since typed text cannot tell them apart.
 */
export function positionalOrder(def: SubcommandDefinition): string[] {
  const names = Object.keys(def.options.shape);
  if (!def.rest) return names;
  const restAt = names.indexOf(def.rest);
  const before = restAt === -1 ? names : names.slice(0, restAt);
  return [...before.filter((n) => n !== def.rest), def.rest];
}

/** The options typed text never fills: structured surfaces (Discord, the CLI's flags) give them. */
export function structuredOnlyOptions(def: SubcommandDefinition): string[] {
  const positional = positionalOrder(def);
  return Object.keys(def.options.shape).filter((name) => !positional.includes(name));
}

/**
 * Parses "ask why does distribution win" or "digest on 09:00 Europe/Berlin": the first word
 * names the subcommand, the next words fill its options in order, and the `rest` option
 * takes everything left (spacing kept). An empty text means "help".
 */
export function parseCommandText(text: string, defs: readonly SubcommandDefinition[]): ParsedText {
  const trimmed = text.trim().replace(/^\/?thesis\b\s*/i, "");
  if (trimmed.length > MAX_INPUT_CHARS * 2) {
    return {
      ok: false,
      reply: usageReply(
        "That is too long to search for. Keep it under 2,000 characters.",
        "/thesis help",
      ),
    };
  }
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const name = (match?.[1] ?? "help").toLowerCase();
  let remainder = match?.[2] ?? "";
  const def = defs.find((d) => d.name === name);
  if (!def) return { ok: false, reply: unknownSubcommandReply(name, defs) };
  const raw: Record<string, string> = {};
  for (const option of positionalOrder(def)) {
    if (remainder === "") break;
    if (option === def.rest) {
      raw[option] = remainder;
      break;
    }
    const word = /^(\S+)\s*([\s\S]*)$/.exec(remainder);
    if (!word?.[1]) break;
    raw[option] = word[1];
    remainder = word[2] ?? "";
  }
  return { ok: true, name, raw };
}

export function unknownSubcommandReply(name: string, defs: readonly SubcommandDefinition[]): Reply {
  const known = defs.map((d) => d.name).join(", ");
  return usageReply(
    `"${name.slice(0, 40)}" is not a /thesis subcommand. Try one of: ${known}.`,
    "/thesis help",
  );
}
