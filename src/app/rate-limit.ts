// Per-user and per-channel limits on /thesis in chat, checked after the platform was
// acknowledged (the adapters defer first), answered with a polite "try again in N s".
// The local console is one person at a keyboard: it is never limited.
import type { CommandContext, SubcommandDefinition } from "../../commands/types.ts";
import type { Reply } from "../reply/reply.ts";
import type { RateLimiter } from "../store/index.ts";

const EXEMPT = new Set(["help"]);

export function withRateLimit(
  defs: readonly SubcommandDefinition[],
  limiter: RateLimiter,
): SubcommandDefinition[] {
  return defs.map((def) =>
    EXEMPT.has(def.name)
      ? def
      : {
          ...def,
          async run(ctx: CommandContext, input: Parameters<typeof def.run>[1]): Promise<Reply> {
            if (ctx.platform === "discord" || ctx.platform === "slack") {
              const decision = await limiter.check(
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
