// Turns hands out at most one start per event-loop iteration, in order, so that between two
// answers the loop gets back to the network (and acknowledges what arrived meanwhile).
import { setImmediate as nextIteration } from "node:timers/promises";
import { expect, it } from "vitest";
import { Turns } from "../../src/server/turns.ts";

/** Counts loop iterations: an immediate scheduled from the check phase runs in the next one. */
function iterationCounter() {
  let iteration = 0;
  let running = true;
  const tick = () => {
    iteration += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    now: () => iteration,
    stop: () => {
      running = false;
    },
  };
}

it("starts queued work one per loop iteration, in the order it asked", async () => {
  const turns = new Turns();
  const counter = iterationCounter();
  const started: { id: number; iteration: number }[] = [];
  await Promise.all(
    [1, 2, 3, 4, 5].map((id) =>
      turns.next().then(() => started.push({ id, iteration: counter.now() })),
    ),
  );
  counter.stop();
  expect(started.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
  const iterations = started.map((s) => s.iteration);
  expect(new Set(iterations).size).toBe(5);
  expect(turns.waiting).toBe(0);
});

it("the old way, an immediate each, runs them all in one iteration (what Turns avoids)", async () => {
  const counter = iterationCounter();
  const iterations = await Promise.all(
    [1, 2, 3].map(() => nextIteration().then(() => counter.now())),
  );
  counter.stop();
  expect(new Set(iterations).size).toBe(1);
});

it("keeps working after it has drained", async () => {
  const turns = new Turns();
  await turns.next();
  await turns.next();
  await Promise.all([turns.next(), turns.next()]);
  expect(turns.waiting).toBe(0);
});
