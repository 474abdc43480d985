import type { ChannelRef } from "../store/types.ts";

/** The id a channel's records are stored under: one subscription per platform channel. */
export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}:${channel.channelId}`;
}

/** Carried in the posted message so a restarted scheduler can recognise its own post. */
export function digestIdempotencyKey(channel: ChannelRef, localDate: string): string {
  return `digest:${channelKey(channel)}:${localDate}`;
}
