// How the daily digest reaches each surface: the digest Reply rendered by that surface's
// renderer and posted with its client. The Slack post carries the idempotency key in message
// metadata, so after a crash the scheduler can find a post that did go out.
import type { App } from "@slack/bolt";
import type { REST } from "discord.js";
import { digestReply } from "../../commands/digest.ts";
import type { DigestPreview } from "../../commands/types.ts";
import type { ConsoleAdapter } from "../adapters/console/index.ts";
import { postMessages } from "../adapters/discord/send.ts";
import type { DigestPoster } from "../digest/index.ts";
import { renderConsole } from "../reply/render-console.ts";
import { renderDiscord } from "../reply/render-discord.ts";
import { renderSlack } from "../reply/render-slack.ts";

const DIGEST_EVENT = "thesis_digest";

export function consolePoster(console: ConsoleAdapter): DigestPoster<DigestPreview> {
  return {
    async post(_channel, content, key) {
      console.print(renderConsole(digestReply(content, "post")));
      return { messageId: key };
    },
  };
}

export function slackPoster(app: App): DigestPoster<DigestPreview> {
  return {
    async post(channel, content, key) {
      let first: string | undefined;
      for (const message of renderSlack(digestReply(content, "post"))) {
        const result = await app.client.chat.postMessage({
          channel: channel.channelId,
          text: message.text,
          blocks: message.blocks as never,
          metadata: { event_type: DIGEST_EVENT, event_payload: { key } },
        });
        first ??= result.ts;
      }
      return { messageId: first ?? "" };
    },
    async findExisting(channel, key) {
      const history = await app.client.conversations.history({
        channel: channel.channelId,
        limit: 50,
        include_all_metadata: true,
      });
      const found = history.messages?.find(
        (m) => (m.metadata?.event_payload as { key?: unknown } | undefined)?.key === key,
      );
      return found?.ts ? { messageId: found.ts } : null;
    },
  };
}

export function discordPoster(rest: REST): DigestPoster<DigestPreview> {
  return {
    async post(channel, content) {
      const payloads = renderDiscord(digestReply(content, "post"), { forcePublic: true });
      const id = await postMessages(rest, channel.channelId, payloads);
      return { messageId: id ?? "" };
    },
  };
}
