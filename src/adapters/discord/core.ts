// The adapter's platform-neutral half, shared by the gateway client and the HTTP
// interactions endpoint: running a subcommand for a Discord user, choosing autocomplete
// suggestions, and rendering a Reply with buttons that re-run their command text.
import { MAX_INPUT_CHARS, runCommandText, runSubcommand } from "../../../commands/dispatch.ts";
import type {
  CommandContext,
  DigestCommands,
  SubcommandDefinition,
} from "../../../commands/types.ts";
import type { ThesisService } from "../../answer/types.ts";
import type { Reply } from "../../reply/reply.ts";
import { CommandTextStore, encodeCustomId } from "./custom-id.ts";
import { type DiscordMessagePayload, type RenderDiscordOptions, renderDiscord } from "./render.ts";

export interface DiscordLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  /** Routine refusals at the edge (malformed or unsigned requests). */
  debug?(message: string): void;
}

export const consoleLog: DiscordLog = {
  info: (message) => console.info(message),
  error: (message, error) => console.error(message, error),
};

export interface DiscordCore {
  commands: readonly SubcommandDefinition[];
  thesis: ThesisService;
  log: DiscordLog;
  store: CommandTextStore;
  admins: ReadonlySet<string>;
  now: () => Date;
  digest?: DigestCommands;
}

export interface DiscordUser {
  id: string;
  name?: string;
  /** The member may manage the server (decides who can change digest settings). */
  canManage?: boolean;
}

export function createCore(options: {
  commands: readonly SubcommandDefinition[];
  thesis: ThesisService;
  log?: DiscordLog;
  admins?: readonly string[];
  now?: () => Date;
  digest?: DigestCommands;
}): DiscordCore {
  return {
    ...(options.digest ? { digest: options.digest } : {}),
    commands: options.commands,
    thesis: options.thesis,
    log: options.log ?? consoleLog,
    store: new CommandTextStore(),
    admins: new Set(options.admins ?? []),
    now: options.now ?? (() => new Date()),
  };
}

function context(core: DiscordCore, user: DiscordUser, channelId?: string): CommandContext {
  const ctx: CommandContext = {
    thesis: core.thesis,
    platform: "discord",
    user: user.name ? { id: user.id, name: user.name } : { id: user.id },
    isAdmin: core.admins.has(user.id) || user.canManage === true,
    now: core.now,
  };
  if (channelId) ctx.channelId = channelId;
  if (core.digest) ctx.digest = core.digest;
  return ctx;
}

const logFailure = (core: DiscordCore) => (message: string, error: unknown) =>
  core.log.error(message, error);

export function runOptions(
  core: DiscordCore,
  name: string,
  raw: Record<string, unknown>,
  user: DiscordUser,
  channelId?: string,
): Promise<Reply> {
  return runSubcommand(core.commands, context(core, user, channelId), name, raw, logFailure(core));
}

export function runText(
  core: DiscordCore,
  text: string,
  user: DiscordUser,
  channelId?: string,
): Promise<Reply> {
  return runCommandText(core.commands, context(core, user, channelId), text, logFailure(core));
}

/** "ask <message text>", clipped so a long message still gets an answer. */
export function askText(question: string): string {
  return `ask ${question.replace(/\s+/g, " ").trim().slice(0, MAX_INPUT_CHARS)}`;
}

/**
 * The command text that reproduces a Discord invocation, for pagination buttons: the
 * reply's own share action when it has one, otherwise the options in positional order.
 */
export function commandTextFor(
  core: DiscordCore,
  name: string,
  raw: Record<string, unknown>,
  reply: Reply,
): string {
  const shared = reply.actions.find((action) => action.id === "share")?.value;
  if (shared) return shared;
  const def = core.commands.find((d) => d.name === name);
  if (!def) return name;
  const names = Object.keys(def.options.shape);
  const ordered = def.rest ? [...names.filter((n) => n !== def.rest), def.rest] : names;
  const words = ordered.map((n) => raw[n]).filter((v) => v !== undefined && v !== "");
  return [name, ...words.map(String)].join(" ");
}

export function render(
  core: DiscordCore,
  reply: Reply,
  options: Omit<RenderDiscordOptions, "customId"> = {},
): DiscordMessagePayload[] {
  return renderDiscord(reply, {
    ...options,
    customId: (action, page) => encodeCustomId(action, page, core.store),
  });
}

export interface Choice {
  name: string;
  value: string;
}

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** Up to 25 suggestions for an autocompleting option, best first. */
export function autocompleteChoices(
  core: DiscordCore,
  subcommand: string,
  option: string,
  typed: string,
): Choice[] {
  const def = core.commands.find((d) => d.name === subcommand);
  const meta = (def?.optionMeta as Record<string, { autocomplete?: string }> | undefined)?.[option];
  const needle = typed.trim().toLowerCase();
  if (meta?.autocomplete === "topic") {
    return core.thesis
      .topics()
      .filter((t) => `${t.id} ${t.label}`.toLowerCase().includes(needle))
      .sort((a, b) => b.claims - a.claims)
      .slice(0, 25)
      .map((t) => ({ name: clip(`${t.label} (${t.claims} claims)`, 100), value: clip(t.id, 100) }));
  }
  if (meta?.autocomplete === "claim") {
    return core.thesis
      .claims()
      .filter((c) => c.id.startsWith(needle) || c.text.toLowerCase().includes(needle))
      .slice(0, 25)
      .map((c) => ({ name: clip(c.text.replace(/\s+/g, " "), 100), value: clip(c.id, 100) }));
  }
  return [];
}
