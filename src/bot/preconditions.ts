// The checks a command declares (commands/types.ts `preconditions`), run by the bot before
// the command: the admin check and the chat rate limits. Each refusal is one private sentence.
import { errorDocument } from "../../commands/failure.ts";
import type { SubcommandDefinition } from "../../commands/types.ts";
import type { Reply } from "../reply/reply.ts";
import type { RateLimitDecision, RateLimiter } from "../store/index.ts";
import type { ChatAdapter, ChatUser } from "./chat-adapter.ts";

/** Told when the store behind the rate limits fails and when it answers again. */
export interface LimiterHealth {
  ok(): void;
  failed(error: unknown): void;
}

export interface PreconditionServices {
  limiter?: RateLimiter;
  limiterHealth?: LimiterHealth;
}

/** The error code a refusal carries in its data, so the bot can count refusals by kind. */
export const REFUSED_ADMIN = "ADMIN_ONLY";
export const REFUSED_RATE_LIMIT = "RATE_LIMITED";

function refusal(title: string, sentence: string, code: string): Reply {
  return {
    data: errorDocument(code, sentence),
    kind: "error",
    title,
    summary: sentence,
    sections: [],
    actions: [],
    visibility: "private",
  };
}

/**
 * Null when the command may run, else the refusal. The local console and the CLI are one
 * person at a keyboard: never limited. When the limiter's store cannot be reached, commands
 * are answered unlimited (an outage must not silence the bot) and the health notice says so.
 */
export async function checkPreconditions(
  def: SubcommandDefinition,
  input: unknown,
  who: { adapter: ChatAdapter; user: ChatUser; channelId?: string },
  services: PreconditionServices,
): Promise<Reply | null> {
  const { adapter, user, channelId } = who;
  const admin = def.preconditions?.admin;
  if (admin && (admin.when?.(input as never) ?? true) && !(await adapter.isAdmin(user))) {
    return refusal("Sorry", `Only ${adapter.adminsAre} can ${admin.to}.`, REFUSED_ADMIN);
  }
  const chat = adapter.platform === "discord" || adapter.platform === "slack";
  if (chat && def.preconditions?.rateLimited !== false && services.limiter) {
    const decision = await limit(
      services,
      `${adapter.platform}:${user.id}`,
      channelId && `${adapter.platform}:${channelId}`,
    );
    if (!decision.ok) return refusal("One moment, please", decision.message, REFUSED_RATE_LIMIT);
  }
  return null;
}

async function limit(
  services: PreconditionServices,
  userKey: string,
  channelKey: string | undefined,
): Promise<RateLimitDecision> {
  try {
    const decision = await (services.limiter as RateLimiter).check(userKey, channelKey);
    services.limiterHealth?.ok();
    return decision;
  } catch (error) {
    services.limiterHealth?.failed(error);
    return { ok: true };
  }
}
