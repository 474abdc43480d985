// The local console adapter: `npm start` with no chat tokens. Interactive on a terminal
// (prompt, arrow-key history, Ctrl-D or "exit" to leave); scriptable when piped, reading one
// command per line, printing only replies, and ending at the end of input.

import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ChatAdapter } from "../../bot/chat-adapter.ts";
import { createConsoleChat } from "./chat.ts";
import { type ConsoleSessionConfig, createConsoleSession } from "./session.ts";

export { CONSOLE_CHANNEL_ID } from "./chat.ts";

export interface ConsoleAdapterConfig extends ConsoleSessionConfig {
  input: Readable;
  output: Writable;
  /** Prompt and banner; defaults to whether input is a TTY. */
  interactive?: boolean;
}

export interface ConsoleAdapter {
  /** The console as the bot sees it: a post (the digest) is printed between prompts. */
  readonly chat: ChatAdapter;
  /** Reads and answers lines until exit, end of input or stop(). */
  run(): Promise<void>;
  /** Prints something that did not come from a typed command (e.g. a digest post). */
  print(text: string): void;
  /** The commands typed so far this session. */
  history(): string[];
  stop(): void;
}

const PROMPT = "thesis> ";
const BANNER =
  "thesis-bot console. Ask with /thesis ask <question>; type help for every command, exit to leave.\n";

export function createConsoleAdapter(config: ConsoleAdapterConfig): ConsoleAdapter {
  const interactive = config.interactive ?? (config.input as { isTTY?: boolean }).isTTY === true;
  let rl: Interface | undefined;
  let stopped = false;
  const write = (text: string) => {
    if (text !== "") config.output.write(text);
  };
  const print = (text: string) => {
    write(interactive ? `\n${text}\n` : text);
    if (interactive && rl && !stopped) rl.prompt(true);
  };
  const chat = createConsoleChat(print);
  const session = createConsoleSession(config, chat);

  return {
    chat,
    async run() {
      if (stopped) return;
      rl = createInterface({
        input: config.input,
        // Only a terminal session echoes and edits lines; piped output stays replies only.
        ...(interactive ? { output: config.output, terminal: true, historySize: 200 } : {}),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      const lines = rl;
      lines.on("SIGINT", () => lines.close());
      if (interactive) {
        write(BANNER);
        lines.setPrompt(PROMPT);
        lines.prompt();
      }
      for await (const line of lines) {
        const { output, exit } = await session.handle(line);
        // A blank line after each reply keeps piped transcripts readable too.
        if (output) write(interactive ? `\n${output}\n` : `${output}\n`);
        if (exit || stopped) break;
        if (interactive) lines.prompt();
      }
      lines.close();
    },
    print,
    history: () => session.history(),
    stop() {
      stopped = true;
      rl?.close();
    },
  };
}
