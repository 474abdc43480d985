// The request id of the interaction being answered, carried through everything that runs
// for it (awaits included) without threading a parameter through every call: the JSON log
// adds it to each line written while the answer is computed (src/app/log.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const current = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs `work` as one request. Inside a request already (the edge started it), the same id
 * is kept, so a command's lines and its answer's lines share one id.
 */
export function inRequest<T>(work: () => T): T {
  if (current.getStore()) return work();
  return current.run({ requestId: randomUUID() }, work);
}

/** The id of the request this code runs for; undefined outside one (start-up, the scheduler). */
export function currentRequestId(): string | undefined {
  return current.getStore()?.requestId;
}
