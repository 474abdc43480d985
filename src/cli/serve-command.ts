// `thesis-bot serve`: every configured chat adapter in one process until SIGTERM/SIGINT,
// the same as `npm start` with chat tokens, but never the console.
import { processIo, runApp } from "../app/run.ts";
import type { CliCommand } from "./io.ts";

export const serveCommand: CliCommand = {
  name: "serve",
  summary: "Run the Discord and Slack bots configured in the environment",
  usage: "thesis-bot serve",
  async run({ config }) {
    let failure: { code: string; message: string } | undefined;
    const exitCode = await runApp({
      ...processIo(),
      config,
      mode: "serve",
      onStartupFailure: ({ code, message }) => {
        failure = { code, message };
      },
    });
    return {
      ...(failure ? { error: failure } : {}),
      json: { stopped: true, exitCode },
      text: exitCode === 0 ? "thesis-bot stopped." : "thesis-bot could not start (see above).",
      exitCode,
    };
  },
};
