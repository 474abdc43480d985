// When a subscription should post. Only today's slot (in the channel's zone) is ever due:
// a slot missed while the bot was down is caught up later the same local day, never on a
// later day. Slots before the subscription was last changed are not caught up either, so
// turning the digest on at 15:00 for 09:00 starts tomorrow rather than posting at once.
import type { DigestSubscription } from "../store/types.ts";
import { localDate, nextSlotAfter, slotOnDate } from "./local-time.ts";

export interface TodaySlot {
  date: string;
  at: Date;
  /** The slot has passed and counts (it is not older than the subscription). */
  due: boolean;
}

export function todaySlot(subscription: DigestSubscription, now: Date): TodaySlot {
  const date = localDate(now, subscription.timezone);
  const at = slotOnDate(subscription.time, subscription.timezone, date);
  const due = at.getTime() <= now.getTime() && at.getTime() >= Date.parse(subscription.updatedAt);
  return { date, at, due };
}

/** The next slot to wait for (strictly after now), for timers and status. */
export function upcomingSlot(subscription: DigestSubscription, now: Date): Date {
  return nextSlotAfter(subscription.time, subscription.timezone, now);
}
