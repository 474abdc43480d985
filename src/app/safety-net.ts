// The process-level safety net of a long-running bot. Every request is parsed and checked at
// the edge, and every handler catches its own failures; should one still slip past (a bug in
// a dependency, a rejection nobody awaited), Node's default is to kill the process, and with
// it the bot for every workspace and server. While serving, such an error is logged and the
// process keeps answering: one bad request must never take everyone's bot down.
import type { AppLog } from "./log.ts";

export function installSafetyNet(log: AppLog): () => void {
  const onRejection = (reason: unknown) =>
    log.error("Unhandled promise rejection (still serving)", reason);
  const onException = (error: unknown, origin: string) =>
    log.error(`Uncaught exception (${origin}; still serving)`, error);
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}
