// Button custom_ids carry what the button does and the /thesis command text it re-runs, so a
// click needs no stored state. Discord caps custom_id at 100 characters: a longer command
// text is kept under a short key derived from the text itself (so every replica derives the
// same key), in a bounded in-memory map and, when the store is given, in the store (Redis
// shared by replicas, or the SQLite file) with an expiry, so a replica that did not render a
// button still finds its text. Once the key has expired such a button answers "run the
// command again" instead of guessing.
import { createHash } from "node:crypto";
import type { ReplyAction } from "../../reply/reply.ts";
import type { AtomicStore } from "../../store/index.ts";

export const CUSTOM_ID_PREFIX = "th";
const MAX_CUSTOM_ID = 100;
/** How long a long button text is kept in the store. Defaults to 30 days. */
export const BUTTON_TEXT_TTL_MS = 30 * 24 * 60 * 60_000;

export interface ButtonTarget {
  actionId: string;
  page: number;
  /** The command text to run, or undefined when its key has expired. */
  commandText: string | undefined;
}

export interface CommandTextStoreOptions {
  /** Texts kept in this process. Defaults to 2000. */
  limit?: number;
  /** Shared with other replicas; without it, texts live in this process only. */
  shared?: AtomicStore;
  /** Store failures; the in-memory copy still answers this replica's buttons. */
  log?: (message: string, error: unknown) => void;
  ttlMs?: number;
}

/** Insertion-ordered map that forgets its oldest entries beyond `limit`, written through to the store. */
export class CommandTextStore {
  readonly #texts = new Map<string, string>();
  readonly #writes = new Set<Promise<void>>();
  readonly limit: number;
  readonly #options: CommandTextStoreOptions;

  constructor(options: number | CommandTextStoreOptions = {}) {
    this.#options = typeof options === "number" ? { limit: options } : options;
    this.limit = this.#options.limit ?? 2000;
  }

  /** The key for a text; the store write runs in the background (see saved()). */
  put(text: string): string {
    const key = createHash("sha256").update(text).digest("base64url").slice(0, 16);
    this.#texts.delete(key);
    this.#texts.set(key, text);
    if (this.#texts.size > this.limit) {
      const oldest = this.#texts.keys().next().value;
      if (oldest !== undefined) this.#texts.delete(oldest);
    }
    const shared = this.#options.shared;
    if (shared) {
      const write = shared
        .setIfAbsent(`discord:button:${key}`, text, this.#options.ttlMs ?? BUTTON_TEXT_TTL_MS)
        .then(
          () => undefined,
          (error: unknown) =>
            this.#options.log?.("Discord: could not store a button's text", error),
        )
        .finally(() => this.#writes.delete(write));
      this.#writes.add(write);
    }
    return key;
  }

  /** Resolves once texts put so far are in the store: await it before sending the buttons. */
  async saved(): Promise<void> {
    await Promise.all([...this.#writes]);
  }

  async get(key: string): Promise<string | undefined> {
    const local = this.#texts.get(key);
    if (local !== undefined || !this.#options.shared) return local;
    return this.#options.shared.get(`discord:button:${key}`).catch((error: unknown) => {
      this.#options.log?.("Discord: could not read a button's text", error);
      return undefined;
    });
  }

  get size(): number {
    return this.#texts.size;
  }
}

/** custom_id for an action at a page, or undefined when the action id cannot be encoded. */
export function encodeCustomId(
  action: ReplyAction,
  page: number,
  store: CommandTextStore,
): string | undefined {
  if (action.id.includes("|") || action.id.length > 20) return undefined;
  const head = `${CUSTOM_ID_PREFIX}|${action.id}|${page}|`;
  const inline = `${head}=${action.value}`;
  if (inline.length <= MAX_CUSTOM_ID) return inline;
  return `${head}#${store.put(action.value)}`;
}

export async function decodeCustomId(
  customId: string,
  store: CommandTextStore,
): Promise<ButtonTarget | null> {
  const match = /^th\|([^|]+)\|(\d+)\|([=#])([\s\S]*)$/.exec(customId);
  if (!match) return null;
  const [, actionId = "", page = "0", kind, payload = ""] = match;
  const commandText = kind === "=" ? payload : await store.get(payload);
  return { actionId, page: Number(page), commandText };
}

/** renderDiscord's `customId` for buttons whose long command texts go into `store`. */
export function customIdsIn(store: CommandTextStore) {
  return (action: ReplyAction, page: number) => encodeCustomId(action, page, store);
}
