// The process's Prometheus metrics (GET /metrics), and the one line logged per command.
// prom-client rather than hand-written text: it gets the exposition format, histogram
// buckets and label escaping right, and adds the process's CPU, memory and event-loop lag.
// Each instance has its own registry, so tests (and two apps in one process) never collide.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { BotMetrics } from "../bot/metrics.ts";
import type { AppLog } from "./log.ts";

/** Seconds; a Slack ack must come within 3 s, so the buckets are fine below one second. */
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3];
/** Seconds; a worded answer may take its model's budget (2 s) on top of the search. */
const ANSWER_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

export interface AppMetrics extends BotMetrics {
  /** The Prometheus text exposition of every metric. */
  text(): Promise<string>;
  readonly contentType: string;
  /** An HTTP acknowledgement (Slack events, Discord interactions) went out after `seconds`. */
  ackSent(route: string, seconds: number): void;
  /** The quote check refused a citation (its text did not match the cited lines). */
  quoteDropped(): void;
  /** A model was asked for a worded answer and the extractive one was shown instead. */
  modelFellBack(): void;
  digestPosted(platform: string): void;
}

export function createAppMetrics(log?: Pick<AppLog, "info">): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const commands = new Counter({
    name: "thesis_commands_total",
    help: "Commands answered, by platform, subcommand and outcome (answer, empty, usage, error, info, rate-limited, admin-only).",
    labelNames: ["platform", "command", "outcome"],
    registers,
  });
  const nothingFound = new Counter({
    name: "thesis_nothing_found_total",
    help: "Commands whose answer was that the corpus has nothing on it.",
    labelNames: ["platform", "command"],
    registers,
  });
  const rateLimited = new Counter({
    name: "thesis_rate_limit_refusals_total",
    help: "Commands refused by the per-user or per-channel rate limit.",
    labelNames: ["platform"],
    registers,
  });
  const answerSeconds = new Histogram({
    name: "thesis_answer_seconds",
    help: "Time from a command to its reply, in seconds.",
    labelNames: ["platform", "command"],
    buckets: ANSWER_BUCKETS,
    registers,
  });
  const ackSeconds = new Histogram({
    name: "thesis_ack_seconds",
    help: "Time from an HTTP request of a chat platform to its acknowledgement, in seconds.",
    labelNames: ["route"],
    buckets: ACK_BUCKETS,
    registers,
  });
  const droppedQuotes = new Counter({
    name: "thesis_dropped_quotes_total",
    help: "Citations the quote check refused because the quote did not match its lines.",
    registers,
  });
  const fallbacks = new Counter({
    name: "thesis_model_fallbacks_total",
    help: "Answers where the model's worded summary was not used (timeout, error, ungrounded).",
    registers,
  });
  const digests = new Counter({
    name: "thesis_digest_posts_total",
    help: "Daily digests posted, by platform.",
    labelNames: ["platform"],
    registers,
  });
  const votes = new Counter({
    name: "thesis_votes_total",
    help: "Votes on answers, by platform, subcommand and vote.",
    labelNames: ["platform", "command", "vote"],
    registers,
  });
  return {
    contentType: registry.contentType,
    text: () => registry.metrics(),
    commandAnswered(event) {
      const { platform, command, outcome, seconds } = event;
      commands.inc({ platform, command, outcome });
      answerSeconds.observe({ platform, command }, seconds);
      if (outcome === "empty") nothingFound.inc({ platform, command });
      if (outcome === "rate-limited") rateLimited.inc({ platform });
      // No question text: the request id ties this line to the answer's other lines.
      log?.info("command answered", {
        platform,
        command,
        outcome,
        ms: Math.round(seconds * 1000),
      });
    },
    voteRecorded: ({ platform, command, vote }) => votes.inc({ platform, command, vote }),
    ackSent: (route, seconds) => ackSeconds.observe({ route }, seconds),
    quoteDropped: () => droppedQuotes.inc(),
    modelFellBack: () => fallbacks.inc(),
    digestPosted: (platform) => digests.inc({ platform }),
  };
}
