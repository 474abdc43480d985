// What the bot reports about its work, counted in one place (the dispatch in bot.ts). The
// bot only calls this interface; src/app/metrics.ts implements it with Prometheus counters
// and a log line, so src/bot needs no metrics library.
import type { Platform } from "../../commands/types.ts";
import type { ReplyKind } from "../reply/reply.ts";

/** How a command ended: the reply's kind, or the precondition that refused it. */
export type CommandOutcome = ReplyKind | "rate-limited" | "admin-only";

export interface CommandEvent {
  requestId: string | undefined;
  platform: Platform;
  /** The subcommand's name; "unknown" when the text named none the bot knows. */
  command: string;
  outcome: CommandOutcome;
  /** From the invocation to the reply (the answer's latency), in seconds. */
  seconds: number;
}

export interface BotMetrics {
  commandAnswered(event: CommandEvent): void;
  voteRecorded(event: { platform: Platform; command: string; vote: "up" | "down" }): void;
}
