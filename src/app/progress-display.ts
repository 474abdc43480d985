// How long indexing shows on the console and the command line. The core only counts
// (IndexProgress: done of total); this draws it on stderr, once the work has taken longer
// than a second, so a quick start prints nothing. A terminal gets a cli-progress bar, redrawn
// in place; a pipe or a log file gets one plain line per stage instead of a stream of redraws.
import cliProgress from "cli-progress";
import type { IndexProgress } from "../corpus/ledger.ts";

export const PROGRESS_DEFAULTS = {
  /** Work quicker than this shows no progress at all. */
  quietMs: 1_000,
};

export interface ProgressDisplay {
  /** The callback for one stage of indexing, named as the display shows it. */
  stage(name: string): IndexProgress;
  /** Ends the bar (a no-op when none was shown). Call it when indexing is over. */
  stop(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function progressDisplay(
  stream: ProgressStream,
  options: { quietMs?: number; now?: () => number } = {},
): ProgressDisplay {
  const quietMs = options.quietMs ?? PROGRESS_DEFAULTS.quietMs;
  const now = options.now ?? (() => performance.now());
  let startedAt: number | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const saidStages = new Set<string>();
  let stopped = false;

  const show = (stage: string, done: number, total: number) => {
    if (!stream.isTTY) {
      if (saidStages.has(stage)) return;
      saidStages.add(stage);
      stream.write(`${stage}… ${done} of ${total}\n`);
      return;
    }
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          stream: stream as NodeJS.WritableStream,
          format: "{stage} {bar} {percentage}% | {value}/{total}",
          hideCursor: true,
          // The process may be ending on SIGINT itself; it restores the cursor in stop().
          gracefulExit: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done, { stage });
    } else {
      bar.setTotal(total);
      bar.update(done, { stage });
    }
    // A finished stage ends its bar's line, so log lines between stages get lines of their own;
    // the next stage draws a new bar.
    if (done >= total) {
      bar.stop();
      bar = undefined;
    }
  };

  return {
    stage: (name) => (done, total) => {
      if (stopped) return;
      startedAt ??= now();
      if (now() - startedAt < quietMs) return;
      show(name, done, total);
    },
    stop() {
      stopped = true;
      bar?.stop();
      bar = undefined;
    },
  };
}

/** For runs that show no progress (in-process tests, JSON logs to a pipeline). */
export const noProgress: ProgressDisplay = { stage: () => () => {}, stop: () => {} };
