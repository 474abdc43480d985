// Button custom_ids carry what the button does and the /thesis command text it re-runs, so a
// click needs no stored state. Discord caps custom_id at 100 characters: a longer command
// text is kept in a bounded in-memory map under a short key. After a restart (or once the
// key has been evicted) such a button answers "run the command again" instead of guessing.
import type { ReplyAction } from "../../reply/reply.ts";

export const CUSTOM_ID_PREFIX = "th";
const MAX_CUSTOM_ID = 100;

export interface ButtonTarget {
  actionId: string;
  page: number;
  /** The command text to run, or undefined when its key has expired. */
  commandText: string | undefined;
}

/** Insertion-ordered map that forgets its oldest entries beyond `limit`. */
export class CommandTextStore {
  readonly #texts = new Map<string, string>();
  #counter = 0;
  constructor(readonly limit = 2000) {}

  put(text: string): string {
    for (const [key, stored] of this.#texts) if (stored === text) return key;
    this.#counter += 1;
    const key = this.#counter.toString(36);
    this.#texts.set(key, text);
    if (this.#texts.size > this.limit) {
      const oldest = this.#texts.keys().next().value;
      if (oldest !== undefined) this.#texts.delete(oldest);
    }
    return key;
  }

  get(key: string): string | undefined {
    return this.#texts.get(key);
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

export function decodeCustomId(customId: string, store: CommandTextStore): ButtonTarget | null {
  const match = /^th\|([^|]+)\|(\d+)\|([=#])([\s\S]*)$/.exec(customId);
  if (!match) return null;
  const [, actionId = "", page = "0", kind, payload = ""] = match;
  const commandText = kind === "=" ? payload : store.get(payload);
  return { actionId, page: Number(page), commandText };
}

/** renderDiscord's `customId` for buttons whose long command texts go into `store`. */
export function customIdsIn(store: CommandTextStore) {
  return (action: ReplyAction, page: number) => encodeCustomId(action, page, store);
}
