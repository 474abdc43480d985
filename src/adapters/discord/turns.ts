// The two ways Discord lets the bot answer a person (src/bot/chat-adapter.ts Turn):
//
// An interaction (command, button, "Find sources"), from the gateway or the HTTP endpoint
// alike. Discord wants a first response within 3 seconds: a deferred private reply (type 5),
// or for paging buttons a deferred update of the clicked message (type 6). Everything after
// goes through the interaction's webhook: PATCH @original fills the deferred reply (or swaps
// the clicked message when paging), POST adds private follow-ups. The receivers differ only
// in how that first response travels (a REST callback, or the HTTP response itself).
//
// A mention: answered publicly, replying to the message, or in its thread when it is in one.
import { type REST, Routes } from "discord.js";
import {
  type ChatAdapter,
  type ChatUser,
  type PostRef,
  publicTurn,
  type Turn,
} from "../../bot/chat-adapter.ts";
import { type CommandTextStore, customIdsIn } from "./custom-id.ts";
import { type DiscordMessagePayload, EPHEMERAL_FLAG, renderDiscord } from "./render.ts";
import { postMessages } from "./send.ts";

/** An interaction response as Discord's callback takes it (type 1 PONG … 8 choices). */
export interface InteractionResponse {
  type: number;
  data?: Record<string, unknown>;
}

/** Sends the interaction's one first response; the receiver decides how it travels. */
export type FirstResponse = (response: InteractionResponse) => Promise<void>;

export interface InteractionTurn extends Turn {
  /** The first response for work that takes a moment: a private "thinking…", or (paging) an update. */
  defer(kind: "reply" | "update"): Promise<void>;
}

/** A sentence as a message of its own, replacing whatever embeds and buttons were there. */
export function plainMessage(content: string): DiscordMessagePayload {
  return { content, embeds: [], components: [], allowed_mentions: { parse: [] } };
}

/** A webhook message body: never pings anyone; empty content clears what was there. */
function webhookBody(payload: DiscordMessagePayload): Record<string, unknown> {
  return {
    content: payload.content ?? "",
    embeds: payload.embeds,
    components: payload.components,
    allowed_mentions: { parse: [] },
  };
}

export function interactionTurn(options: {
  rest: REST;
  applicationId: string;
  token: string;
  first: FirstResponse;
  store: CommandTextStore;
  user: ChatUser;
  channelId: string | undefined;
  /** The server the interaction came from. */
  workspaceId?: string | undefined;
  message?: PostRef & { public: boolean };
}): InteractionTurn {
  const { rest, applicationId, token, first, user, channelId, message } = options;
  const customId = customIdsIn(options.store);
  const original = Routes.webhookMessage(applicationId, token, "@original");
  // "none" until the first response; "reply" while the deferred reply is still to be filled.
  let state: "none" | "reply" | "update" | "answered" = "none";

  async function send(payload: DiscordMessagePayload, replace: boolean): Promise<void> {
    const body = webhookBody(payload);
    if (state === "none") {
      state = "answered";
      return first({ type: 4, data: { ...body, flags: EPHEMERAL_FLAG } });
    }
    if (state === "reply" || (state === "update" && replace)) {
      if (state === "reply") state = "answered";
      await rest.patch(original, { body, auth: false });
      return;
    }
    // Never the clicked message after a deferred update: a private message of its own.
    await rest.post(Routes.webhook(applicationId, token), {
      body: { ...body, flags: EPHEMERAL_FLAG },
      auth: false,
    });
  }

  return {
    platform: "discord",
    user,
    ...(channelId ? { channelId } : {}),
    ...(options.workspaceId ? { workspaceId: options.workspaceId } : {}),
    ...(message ? { message } : {}),
    async defer(kind) {
      state = kind;
      await first(kind === "reply" ? { type: 5, data: { flags: EPHEMERAL_FLAG } } : { type: 6 });
    },
    async respond(reply, respondOptions) {
      const payloads = renderDiscord(reply, {
        customId,
        ...(respondOptions?.commandText === undefined
          ? {}
          : { commandText: respondOptions.commandText }),
        ...(respondOptions?.page === undefined ? {} : { page: respondOptions.page }),
      });
      // Another replica may get the click: long button texts must be in the store first.
      await options.store.saved();
      for (const [index, payload] of payloads.entries()) {
        await send(payload, index === 0 && respondOptions?.replace === true);
      }
    },
    say: (sentence) => send(plainMessage(sentence), false),
    // Shown in the deferred reply ("Fetching…"), which the answer then replaces.
    async progress(note) {
      if (state === "reply")
        await rest.patch(original, { body: webhookBody(plainMessage(note)), auth: false });
    },
  };
}

/** A mention: the answer in public, where everyone who saw the question sees it. */
export function mentionTurn(
  chat: ChatAdapter,
  rest: REST,
  user: ChatUser,
  asked: PostRef,
  inThread: boolean,
): Turn {
  const place = inThread
    ? { channelId: asked.channelId }
    : { channelId: asked.channelId, replyTo: asked.messageId };
  return publicTurn(chat, user, asked, place, (sentence) =>
    postMessages(rest, place.channelId, [plainMessage(sentence)], place.replyTo),
  );
}
