// The checks a command declares (commands/types.ts `preconditions`), run by the bot before
// the command: the admin check and the chat rate limits. Each refusal is one private sentence.
import { errorDocument } from "../../commands/failure.ts";
import type { SubcommandDefinition, WorkspaceSettingsService } from "../../commands/types.ts";
import type { Reply } from "../reply/reply.ts";
import type {
  GuildSettings,
  RateLimitDecision,
  RateLimiter,
  RateLimitRule,
} from "../store/index.ts";
import type { ChatAdapter, ChatUser } from "./chat-adapter.ts";

/** Told when the store behind the rate limits fails and when it answers again. */
export interface LimiterHealth {
  ok(): void;
  failed(error: unknown): void;
}

export interface PreconditionServices {
  limiter?: RateLimiter;
  limiterHealth?: LimiterHealth;
  /** Workspace settings (/thesis settings): where the bot answers, channel limits, extra admins. */
  settings?: WorkspaceSettingsService;
}

/** The error code a refusal carries in its data, so the bot can count refusals by kind. */
export const REFUSED_ADMIN = "ADMIN_ONLY";
export const REFUSED_RATE_LIMIT = "RATE_LIMITED";
export const REFUSED_CHANNEL = "NOT_IN_THIS_CHANNEL";

/** Every refusal's code: who asked, or where, may not have this, however it is worded. */
export const REFUSALS: ReadonlySet<string> = new Set([
  REFUSED_ADMIN,
  REFUSED_RATE_LIMIT,
  REFUSED_CHANNEL,
]);

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
  who: { adapter: ChatAdapter; user: ChatUser; channelId?: string; workspaceId?: string },
  services: PreconditionServices,
  /** False for another reading of a message already counted (Bot.runFirst): not counted again. */
  count = true,
): Promise<Reply | null> {
  const { adapter, user, channelId } = who;
  const settings = await settingsOf(services, who.workspaceId);
  const admin = def.preconditions?.admin;
  const isAdmin = async () =>
    Boolean(settings?.adminUserIds.includes(user.id)) || (await adapter.isAdmin(user));
  if (admin && (admin.when?.(input as never) ?? true) && !(await isAdmin())) {
    return refusal("Sorry", `Only ${adapter.adminsAre} can ${admin.to}.`, REFUSED_ADMIN);
  }
  const answerChannels = settings?.answerChannels ?? [];
  // /thesis settings always answers, so an admin can undo a list that leaves no channel.
  if (channelId && answerChannels.length && !answerChannels.includes(channelId)) {
    if (def.name !== "settings") {
      return refusal(
        "Not in this channel",
        `Here I answer only in ${answerChannels.map((id) => `channel ${id}`).join(", ")}; ${adapter.adminsAre} can change that with /thesis settings channels.`,
        REFUSED_CHANNEL,
      );
    }
  }
  const chat = adapter.platform === "discord" || adapter.platform === "slack";
  if (count && chat && def.preconditions?.rateLimited !== false && services.limiter) {
    const decision = await limit(
      services,
      `${adapter.platform}:${user.id}`,
      channelId && `${adapter.platform}:${channelId}`,
      channelId ? settings?.channelLimits?.[channelId] : undefined,
    );
    if (!decision.ok) return refusal("One moment, please", decision.message, REFUSED_RATE_LIMIT);
  }
  return null;
}

/** The workspace's settings; none when there is no workspace or the store cannot be read. */
async function settingsOf(
  services: PreconditionServices,
  workspaceId: string | undefined,
): Promise<GuildSettings | undefined> {
  if (!services.settings || !workspaceId) return undefined;
  // Like the limiter: a store outage must not silence the bot, so it answers as by default.
  return services.settings.get(workspaceId).catch(() => undefined);
}

async function limit(
  services: PreconditionServices,
  userKey: string,
  channelKey: string | undefined,
  channelRule: RateLimitRule | null | undefined,
): Promise<RateLimitDecision> {
  try {
    const decision = await (services.limiter as RateLimiter).check(
      userKey,
      channelKey,
      channelRule,
    );
    services.limiterHealth?.ok();
    return decision;
  } catch (error) {
    services.limiterHealth?.failed(error);
    return { ok: true };
  }
}
