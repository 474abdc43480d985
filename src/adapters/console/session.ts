// One console session's line handling, apart from readline: what a typed line does
// (a /thesis command, help, history, exit) and what gets printed. Never throws.
import { runCommandText } from "../../../commands/dispatch.ts";
import type {
  CommandContext,
  DigestCommands,
  SubcommandDefinition,
} from "../../../commands/types.ts";
import type { ThesisService } from "../../answer/types.ts";
import { renderConsole, renderConsoleJson } from "./render.ts";

export const CONSOLE_CHANNEL_ID = "console";

export interface ConsoleSessionConfig {
  commands: readonly SubcommandDefinition[];
  thesis: ThesisService;
  digest?: DigestCommands;
  /** Print each result as JSON (the CLI's --json document) instead of text. */
  json?: boolean;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}

export type LineOutcome = { output: string; exit: boolean };

const CONSOLE_HELP = [
  "Console: type a /thesis command (the /thesis is optional), or",
  "  history   the commands typed in this session",
  "  exit      leave (Ctrl-D works too)",
].join("\n");

export function createConsoleSession(config: ConsoleSessionConfig) {
  const history: string[] = [];
  const ctx: CommandContext = {
    thesis: config.thesis,
    platform: "console",
    user: { id: "console", name: "console" },
    channelId: CONSOLE_CHANNEL_ID,
    // Whoever runs the bot in a terminal owns it, so they may change settings.
    isAdmin: true,
    now: config.now ?? (() => new Date()),
    ...(config.digest ? { digest: config.digest } : {}),
  };
  const log = config.log ?? ((message, error) => console.error(message, error));

  async function handle(line: string): Promise<LineOutcome> {
    const text = line.trim();
    if (text === "") return { output: "", exit: false };
    const word = text.toLowerCase();
    if (word === "exit" || word === "quit" || word === ".exit") return { output: "", exit: true };
    if (word === "history") {
      const rows = history.map((entry, i) => `${String(i + 1).padStart(3)}  ${entry}`);
      return {
        output: `${rows.length > 0 ? rows.join("\n") : "No commands yet in this session."}\n`,
        exit: false,
      };
    }
    history.push(text);
    try {
      const reply = await runCommandText(config.commands, ctx, text, log);
      if (config.json) return { output: renderConsoleJson(reply), exit: false };
      const isHelp = /^(?:\/?thesis\s*)?help$/i.test(text) || /^\/?thesis$/i.test(text);
      const extra = isHelp ? `\n${CONSOLE_HELP}\n` : "";
      return { output: `${renderConsole(reply)}${extra}`, exit: false };
    } catch (error) {
      log(`console: "${text.slice(0, 80)}" failed`, error);
      return { output: "Sorry, something went wrong with that command. Try again.\n", exit: false };
    }
  }

  return { handle, history: () => [...history] };
}
