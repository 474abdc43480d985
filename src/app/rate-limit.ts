// Per-user and per-channel limits on /thesis in chat, checked after the platform was
// acknowledged (the adapters defer first), answered with a polite "try again in N s".
// The local console is one person at a keyboard: it is never limited. When the store cannot
// be reached, commands are answered unlimited (an outage must not silence the bot) and
// `health` says so in the log, once.
import type { CommandContext, SubcommandDefinition } from "../../commands/types.ts";
import type { DependencyHealth } from "../lib/degraded.ts";
import type { Reply } from "../reply/reply.ts";
import type { RateLimitDecision, RateLimiter } from "../store/index.ts";

const EXEMPT = new Set(["help"]);

export function withRateLimit(
  defs: readonly SubcommandDefinition[],
  limiter: RateLimiter,
  health?: DependencyHealth,
): SubcommandDefinition[] {
  const check = async (userId: string, channelId?: string): Promise<RateLimitDecision> => {
    try {
      const decision = await limiter.check(userId, channelId);
      health?.ok();
      return decision;
    } catch (error) {
      health?.failed(error);
      return { ok: true };
    }
  };
  return defs.map((def) =>
    EXEMPT.has(def.name)
      ? def
      : {
          ...def,
          async run(ctx: CommandContext, input: Parameters<typeof def.run>[1]): Promise<Reply> {
            if (ctx.platform === "discord" || ctx.platform === "slack") {
              const decision = await check(
                `${ctx.platform}:${ctx.user.id}`,
                ctx.channelId && `${ctx.platform}:${ctx.channelId}`,
              );
              if (!decision.ok) {
                return {
                  kind: "error",
                  title: "One moment, please",
                  summary: decision.message,
                  sections: [],
                  actions: [],
                  visibility: "private",
                };
              }
            }
            return def.run(ctx, input);
          },
        },
  );
}
