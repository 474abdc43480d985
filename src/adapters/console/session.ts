// One console session's line handling, apart from readline: what a typed line does
// (a /thesis command, help, history, exit) and what gets printed. Never throws.
import { answerCommand } from "../../bot/actions.ts";
import type { Bot } from "../../bot/bot.ts";
import type { ChatAdapter, Turn } from "../../bot/chat-adapter.ts";
import { CONSOLE_CHANNEL_ID } from "./chat.ts";
import { renderConsole, renderConsoleJson } from "./render.ts";

export interface ConsoleSessionConfig {
  bot: Bot;
  /** Print each result as JSON (the CLI's --json document) instead of text. */
  json?: boolean;
  log?: (message: string, error: unknown) => void;
}

export type LineOutcome = { output: string; exit: boolean };

const CONSOLE_HELP = [
  "Console: type a /thesis command (the /thesis is optional), or",
  "  history   the commands typed in this session",
  "  exit      leave (Ctrl-D works too)",
].join("\n");

const USER = { id: "console", name: "console" };

export function createConsoleSession(config: ConsoleSessionConfig, chat: ChatAdapter) {
  const history: string[] = [];
  const log = config.log ?? ((message, error) => console.error(message, error));

  /** A turn whose answers become the line's output. */
  function turnFor(out: string[]): Turn {
    return {
      platform: "console",
      user: USER,
      channelId: CONSOLE_CHANNEL_ID,
      async respond(reply) {
        out.push(config.json ? renderConsoleJson(reply) : renderConsole(reply));
      },
      async say(sentence) {
        out.push(`${sentence}\n`);
      },
      async progress(note) {
        out.push(`${note}\n`);
      },
    };
  }

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
      const out: string[] = [];
      await answerCommand(config.bot, chat, turnFor(out), { text });
      if (config.json) return { output: out.join(""), exit: false };
      const isHelp = /^(?:\/?thesis\s*)?help$/i.test(text) || /^\/?thesis$/i.test(text);
      const extra = isHelp ? `\n${CONSOLE_HELP}\n` : "";
      return { output: `${out.join("")}${extra}`, exit: false };
    } catch (error) {
      log(`console: "${text.slice(0, 80)}" failed`, error);
      return { output: "Sorry, something went wrong with that command. Try again.\n", exit: false };
    }
  }

  return { handle, history: () => [...history] };
}
