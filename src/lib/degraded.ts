// What the bot does without its store says so once when the store goes away and once when it
// is back, not once per request: a Redis outage during a busy hour is two log lines, not
// thousands. Answers never wait on it (see app/rate-limit.ts and digest/start-scheduler.ts).

/** Where the two lines go (the app's log). */
export interface NoticeLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface DependencyHealth {
  /** The store failed this call: logs the first time only. */
  failed(error: unknown): void;
  /** The store answered: logs the recovery when it had failed. */
  ok(): void;
}

export function degradedNotice(
  log: NoticeLog,
  /** Which feature, e.g. "Rate limits". */
  feature: string,
  /** What happens meanwhile, e.g. "commands are answered without limits". */
  meanwhile: string,
): DependencyHealth {
  let degraded = false;
  return {
    failed(error) {
      if (degraded) return;
      degraded = true;
      const reason = error instanceof Error ? error.message : String(error);
      log.warn(
        `${feature} degraded: the store is unreachable (${reason}); ${meanwhile} until it is back.`,
      );
    },
    ok() {
      if (!degraded) return;
      degraded = false;
      log.info(`${feature} recovered: the store answers again.`);
    },
  };
}
