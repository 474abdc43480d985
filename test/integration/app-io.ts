// runApp's streams for in-process tests: stdin to write to, stdout and the log collected, a
// way to wait for a log line, and the signal a test sends instead of SIGTERM.
import { PassThrough } from "node:stream";
import type { AppIo } from "../../src/app/run.ts";

export function appIo(env: Record<string, string>, mode?: AppIo["mode"]) {
  let log = "";
  let out = "";
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  stdout.on("data", (chunk) => {
    out += String(chunk);
  });
  let signal: ((name: string) => void) | undefined;
  const waiters: { text: string; resolve: () => void }[] = [];
  const app: AppIo = {
    env,
    stdin,
    stdout,
    stderr: (text) => {
      log += text;
      for (const w of waiters.filter((w) => log.includes(w.text))) w.resolve();
    },
    onSignal(handler) {
      signal = handler;
      return () => {
        signal = undefined;
      };
    },
    ...(mode ? { mode } : {}),
  };
  return {
    app,
    log: () => log,
    /** What the console reads, for a test to type into. */
    stdin,
    /** What the console printed so far. */
    out: () => out,
    logged: (text: string) =>
      new Promise<void>((resolve) => {
        if (log.includes(text)) resolve();
        else waiters.push({ text, resolve });
      }),
    signal: (name: string) => signal?.(name),
  };
}
