// Wakes up at each channel's local digest time (and at least every pollMs, to notice
// subscriptions another replica added and to retry), and posts whatever is due through
// postDigestOnce, which makes each (channel, local date) post happen once.
// One timer for all channels instead of one cron job each: the due check is cheap, and a
// single loop is easy to stop, restart and drive with a fake clock.
import { randomUUID } from "node:crypto";
import type { Store } from "../store/create-store.ts";
import type { ChannelRef, DigestSubscription } from "../store/types.ts";
import { todaySlot, upcomingSlot } from "./due.ts";
import { type PostOutcome, postDigestOnce } from "./post-once.ts";
import type { Clock, ComposeDigest, DigestPosters, Timers } from "./types.ts";

export interface DigestRunReport {
  channel: ChannelRef;
  localDate: string;
  result: PostOutcome | { outcome: "no-poster" };
}

export interface DigestSchedulerOptions<Content> {
  store: Pick<Store, "subscriptions" | "digestHistory" | "atomic">;
  compose: ComposeDigest<Content>;
  posters: DigestPosters<Content>;
  clock?: Clock;
  timers?: Timers;
  /** Longest sleep between passes. Defaults to one minute. */
  pollMs?: number;
  /**
   * How long a claim protects a post in progress before another instance may take over.
   * Defaults to five minutes.
   */
  leaseMs?: number;
  /** Wait before another attempt after an error. Defaults to leaseMs. */
  retryDelayMs?: number;
  /** Attempts at one (channel, date) before it is given up. Defaults to 3. */
  maxAttempts?: number;
  /** Names this instance in claims. Defaults to a random UUID. */
  owner?: string;
  /** Every post attempt's result, for logging. */
  onReport?: (report: DigestRunReport) => void;
  /** A pass that failed as a whole (e.g. the store is unreachable). */
  onError?: (error: unknown) => void;
  /** The store listed the subscriptions: it is reachable (again). */
  onStoreReached?: () => void;
}

export interface DigestScheduler {
  /** Runs a catch-up pass now, then keeps waking up until stop(). */
  start(): void;
  stop(): void;
  /** Re-plans the next wake-up, e.g. after a subscription changed. */
  refresh(): void;
  /** One pass over all subscriptions; posts what is due. */
  runDue(): Promise<DigestRunReport[]>;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
}

const DEFAULT_POLL_MS = 60_000;
const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createDigestScheduler<Content>(
  options: DigestSchedulerOptions<Content>,
): DigestScheduler {
  const clock = options.clock ?? { now: () => new Date() };
  const timers = options.timers ?? realTimers;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const owner = options.owner ?? randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const retryDelayMs = options.retryDelayMs ?? leaseMs;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  let timer: unknown;
  let running = false;
  // Passes are not queued behind each other: a post that hangs must not stop tomorrow's
  // digests. Overlapping passes are safe because every post goes through a claim.
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error) => options.onError?.(error));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };

  async function runOne(subscription: DigestSubscription): Promise<DigestRunReport | undefined> {
    const now = clock.now();
    const slot = todaySlot(subscription, now);
    if (!slot.due) return undefined;
    const { channel } = subscription;
    const poster = options.posters[channel.platform];
    if (!poster) return { channel, localDate: slot.date, result: { outcome: "no-poster" } };
    const deps = { atomic: options.store.atomic, history: options.store.digestHistory, poster };
    const result = await postDigestOnce(
      {
        ...deps,
        compose: options.compose,
        now: () => clock.now(),
        owner,
        leaseMs,
        retryDelayMs,
        maxAttempts,
      },
      channel,
      slot.date,
    );
    return { channel, localDate: slot.date, result };
  }

  async function runDue(): Promise<DigestRunReport[]> {
    const subscriptions = (await options.store.subscriptions.list()).map((row) => row.value);
    options.onStoreReached?.();
    // In parallel, so one slow or hung platform does not hold back the other channels.
    const settled = await Promise.allSettled(subscriptions.map(runOne));
    const reports: DigestRunReport[] = [];
    for (const outcome of settled) {
      if (outcome.status === "rejected") options.onError?.(outcome.reason);
      else if (outcome.value) {
        reports.push(outcome.value);
        options.onReport?.(outcome.value);
      }
    }
    return reports;
  }

  async function planNextWake(): Promise<void> {
    const now = clock.now();
    let delay = pollMs;
    for (const { value } of await options.store.subscriptions.list()) {
      delay = Math.min(delay, upcomingSlot(value, now).getTime() - now.getTime());
    }
    if (!running) return;
    timers.clearTimeout(timer);
    timer = timers.setTimeout(wake, Math.max(0, delay));
  }

  function wake(): void {
    if (!running) return;
    // Plan first: if planning fails (store down), poll again rather than stop for good.
    timers.clearTimeout(timer);
    timer = timers.setTimeout(wake, pollMs);
    track(planNextWake());
    track(runDue());
  }

  return {
    start() {
      if (running) return;
      running = true;
      wake();
    },
    stop() {
      running = false;
      timers.clearTimeout(timer);
    },
    refresh() {
      if (running) track(planNextWake());
    },
    runDue,
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
