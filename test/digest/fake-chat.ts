// The far side of a digest post: a chat platform's channels, kept in memory. Messages carry
// the idempotency key the way a real adapter would (Slack metadata, a Discord nonce), so
// findExisting can look for it. It can also "crash" the caller mid-post.
import type { Clock, DigestPoster } from "../../src/digest/types.ts";
import type { ChannelRef } from "../../src/store/types.ts";

export interface DeliveredMessage {
  channelId: string;
  messageId: string;
  idempotencyKey: string;
  content: unknown;
  at: string;
}

export interface FakeChat {
  messages: DeliveredMessage[];
  poster(options?: { canSearch?: boolean }): DigestPoster<unknown>;
  /**
   * The next post is delivered, but its caller never hears back (the process died).
   * Resolves once that delivery has happened.
   */
  crashAfterNextDelivery(): Promise<void>;
}

export function createFakeChat(clock: Clock): FakeChat {
  const messages: DeliveredMessage[] = [];
  let crashNext: (() => void) | undefined;
  return {
    messages,
    crashAfterNextDelivery() {
      return new Promise<void>((resolve) => {
        crashNext = resolve;
      });
    },
    poster({ canSearch = true } = {}) {
      const poster: DigestPoster<unknown> = {
        async post(channel: ChannelRef, content: unknown, idempotencyKey: string) {
          const messageId = `m${messages.length + 1}`;
          messages.push({
            channelId: channel.channelId,
            messageId,
            idempotencyKey,
            content,
            at: clock.now().toISOString(),
          });
          if (crashNext) {
            crashNext();
            crashNext = undefined;
            return new Promise<never>(() => {});
          }
          return { messageId };
        },
      };
      if (canSearch) {
        poster.findExisting = async (channel, idempotencyKey) => {
          const found = messages.find(
            (message) =>
              message.channelId === channel.channelId && message.idempotencyKey === idempotencyKey,
          );
          return found ? { messageId: found.messageId } : null;
        };
      }
      return poster;
    },
  };
}
