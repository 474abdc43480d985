// Who may change settings on Slack: anyone in ADMIN_USERS, plus the workspace's admins
// and owners as Slack reports them (users.info, scope users:read, asked with the token of
// the user's own workspace). The lookup is cached per user (Slack user ids are unique
// across workspaces) for a few minutes so a burst of digest commands costs one call, and any
// failure (missing scope, Slack down, slow answer) falls back to the list alone: an error
// never grants admin and never stops the command from being answered.
import type { SlackClient, SlackLog } from "./deps.ts";

export interface WorkspaceAdminOptions {
  /** ADMIN_USERS: admins without asking Slack. */
  listed: (userId: string) => boolean;
  log: SlackLog;
  now?: () => number;
  /** How long a user's answer is trusted; role changes show up after this. */
  ttlMs?: number;
  /** Cache bound, so a large workspace cannot grow memory without end. */
  maxEntries?: number;
  /** A lookup slower than this counts as failed (the web client retries for minutes). */
  timeoutMs?: number;
}

/** Asks with the client of the user's workspace (its bot token). */
export type AdminCheck = (client: SlackClient, userId: string) => Promise<boolean>;

export function createWorkspaceAdminCheck(options: WorkspaceAdminOptions): AdminCheck {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 1000;
  const timeoutMs = options.timeoutMs ?? 3000;
  const cache = new Map<string, { admin: boolean; until: number }>();

  const remember = (userId: string, admin: boolean) => {
    cache.delete(userId);
    cache.set(userId, { admin, until: now() + ttlMs });
    // Maps keep insertion order, so the first key is the one remembered longest ago.
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  };

  return async (client, userId) => {
    if (options.listed(userId)) return true;
    const cached = cache.get(userId);
    if (cached && cached.until > now()) return cached.admin;
    try {
      const admin = await withTimeout(workspaceRole(client, userId), timeoutMs);
      remember(userId, admin);
      return admin;
    } catch (error) {
      // Not cached: the next command asks again, in case Slack was only briefly away.
      options.log(
        `Slack: could not check whether ${userId} is a workspace admin (users.info: ${describe(error)}); only ADMIN_USERS count`,
      );
      return false;
    }
  };
}

async function workspaceRole(client: SlackClient, userId: string): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === "string") return data.error;
  return error instanceof Error ? error.message : String(error);
}
