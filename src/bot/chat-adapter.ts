// What the bot needs from a chat platform, and nothing more. Slack, Discord and the console
// each implement ChatAdapter once; everything a command or a button does is written against
// it (src/bot/actions.ts), so a feature lives in one place and behaves alike everywhere.
// In the spirit of vercel/chat's Adapter: the platform's SDK, escaping and limits stay
// behind this line (src/adapters/<platform>/).
import type { Platform } from "../../commands/types.ts";
import type { Reply } from "../reply/reply.ts";

export interface ChatUser {
  id: string;
  name?: string;
  /**
   * The platform already says this member may manage the place (Discord's Manage Server
   * permission arrives with every interaction); adapters that must ask leave it unset.
   */
  canManage?: boolean;
}

/** Where a message goes: a channel, or a thread in it. */
export interface Place {
  channelId: string;
  /** Slack: the parent message's ts. Discord threads are channels of their own (channelId). */
  threadId?: string;
  /** Posts as a reply to this message (Discord), where a thread could not be started. */
  replyTo?: string;
}

/** A message the bot or a user posted. */
export interface PostRef {
  channelId: string;
  messageId: string;
  /** The message sits in this thread (Slack's thread_ts), when it is not the parent. */
  threadId?: string;
}

export interface PostOptions {
  /** An idempotency key the post carries, so findPost can tell it went out (the digest). */
  key?: string;
  /**
   * The command text behind the reply, kept with the post (Slack metadata, Discord's footer)
   * so a follow-up in its thread can be read with it (src/bot/follow-up.ts).
   */
  commandText?: string;
}

export interface ChatAdapter {
  readonly platform: Platform;
  /** Posts a reply publicly at `place`; returns the first message posted. */
  post(place: Place, reply: Reply, options?: PostOptions): Promise<PostRef | undefined>;
  /** Posts each cited passage of a reply as a message of its own (quotes in a thread). */
  postPassages(place: Place, reply: Reply): Promise<void>;
  /**
   * Starts a thread on a message and returns where to post into it. With `orReply`, a
   * channel where the bot may not start threads gets replies to the message instead.
   */
  startThread(on: PostRef, title: string, options?: { orReply?: boolean }): Promise<Place>;
  /** A post of the bot's carrying `key` among the channel's recent messages. */
  findPost(channelId: string, key: string): Promise<PostRef | null>;
  /** Whether the user may change settings (ADMIN_USERS, or the platform's own admins). */
  isAdmin(user: ChatUser): Promise<boolean>;
  /** How to tell someone they are not an admin here: who may, in this platform's words. */
  readonly adminsAre: string;
  /** A channel or thread as a link in text ("<#123>" on Discord), or a plain phrase. */
  placeName(place: Place): string;
}

/**
 * One person's request in progress, as the platform lets the bot answer *them*: an
 * interaction's private response, or, for a mention, the thread where they asked.
 */
export interface Turn {
  readonly platform: Platform;
  readonly user: ChatUser;
  readonly channelId?: string;
  /** The Slack workspace or Discord guild the request came from (Slack's tokens are per workspace). */
  readonly workspaceId?: string;
  /** The message the request came from: the one a button sits on, a mention, a shortcut's target. */
  readonly message?: PostRef & { public: boolean };
  /**
   * Shows a reply to whoever asked. `replace` swaps the message the button sits on (paging);
   * `commandText` and `page` let a surface that pages long replies offer Next and Previous.
   */
  respond(reply: Reply, options?: RespondOptions): Promise<void>;
  /** One plain sentence to whoever asked, privately. */
  say(sentence: string): Promise<void>;
  /** Where the platform can show it: how long work is going ("Fetching…"), before the answer. */
  progress?(message: string): Promise<void>;
}

export interface RespondOptions {
  replace?: boolean;
  commandText?: string;
  page?: number;
}

/**
 * A turn answered in public at `place` (a mention: where everyone who saw the question sees
 * the answer). `say` posts a plain sentence there the platform's own way.
 */
export function publicTurn(
  chat: ChatAdapter,
  user: ChatUser,
  asked: PostRef,
  place: Place,
  say: (sentence: string) => Promise<unknown>,
): Turn {
  return {
    platform: chat.platform,
    user,
    channelId: asked.channelId,
    message: { ...asked, public: true },
    // The command rides with the public answer, so a follow-up can be read with it.
    async respond(reply, options) {
      await chat.post(
        place,
        reply,
        options?.commandText ? { commandText: options.commandText } : {},
      );
    },
    async say(sentence) {
      await say(sentence);
    },
  };
}
