// Answers are computed synchronously (search, ranking, quote checks, rendering take a few
// milliseconds each), on the same event loop that acknowledges requests. Started with
// setImmediate each, every answer queued during one loop iteration runs back to back in the
// next check phase, and 200 of them hold every acknowledgement behind them for the better
// part of a second. Turns hands out one start per loop iteration instead, in arrival order:
// between two answers the loop polls the network again, so a request that arrived meanwhile
// is acknowledged first. (Acks are a fraction of a millisecond; Slack gives up after 3 s.)
import { setImmediate as nextIteration } from "node:timers/promises";

export class Turns {
  readonly #waiting: (() => void)[] = [];
  #running = false;

  /** Resolves when it is the caller's turn: at most one caller per loop iteration. */
  next(): Promise<void> {
    const turn = new Promise<void>((resolve) => this.#waiting.push(resolve));
    if (!this.#running) void this.#run();
    return turn;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async #run(): Promise<void> {
    this.#running = true;
    while (this.#waiting.length > 0) {
      // An immediate scheduled from the check phase runs in the next iteration, after
      // that iteration's poll phase has read and acknowledged any new requests.
      await nextIteration();
      this.#waiting.shift()?.();
    }
    this.#running = false;
  }
}

/** One queue for the process: Slack and Discord answers share the one event loop. */
export const answerTurns = new Turns();
