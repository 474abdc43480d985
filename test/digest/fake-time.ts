// A clock and timers the test moves by hand. Each time a timer fires, the test waits for the
// schedulers to finish their pass before moving on, so posts happen at exact instants.
import type { Clock, Timers } from "../../src/digest/types.ts";

interface PendingTimer {
  id: number;
  at: number;
  callback: () => void;
}

export interface FakeTime {
  clock: Clock;
  timers: Timers;
  /** Fires every timer due up to `target` in order, settling after each, then sets the clock. */
  advanceTo(target: string | Date, settle: () => Promise<unknown>): Promise<void>;
  set(target: string | Date): void;
}

export function createFakeTime(start: string | Date): FakeTime {
  let now = new Date(start).getTime();
  let nextId = 0;
  const pending: PendingTimer[] = [];
  return {
    clock: { now: () => new Date(now) },
    timers: {
      setTimeout(callback, ms) {
        nextId += 1;
        pending.push({ id: nextId, at: now + ms, callback });
        return nextId;
      },
      clearTimeout(handle) {
        const index = pending.findIndex((timer) => timer.id === handle);
        if (index >= 0) pending.splice(index, 1);
      },
    },
    async advanceTo(target, settle) {
      const targetMs = new Date(target).getTime();
      await settle();
      for (;;) {
        pending.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = pending[0];
        if (!next || next.at > targetMs) break;
        pending.shift();
        now = Math.max(now, next.at);
        next.callback();
        await settle();
      }
      now = Math.max(now, targetMs);
    },
    set(target) {
      now = new Date(target).getTime();
    },
  };
}
