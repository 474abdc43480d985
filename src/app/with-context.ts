// Services an adapter does not put in CommandContext itself (the digest, the model, sources) are
// given to every command run here, once, instead of a wrapper per service.
import type { CommandContext, SubcommandDefinition } from "../../commands/types.ts";

type Extras = Partial<Pick<CommandContext, "digest" | "model" | "sources">>;

/** Every run gets `extras` for whichever of those fields its context leaves unset. */
export function withContext(
  defs: readonly SubcommandDefinition[],
  extras: Extras,
): SubcommandDefinition[] {
  return defs.map((def) => ({
    ...def,
    run: (ctx: CommandContext, input: Parameters<typeof def.run>[1]) =>
      def.run(
        {
          ...ctx,
          ...(ctx.digest === undefined && extras.digest ? { digest: extras.digest } : {}),
          ...(ctx.model === undefined && extras.model ? { model: extras.model } : {}),
          ...(ctx.sources === undefined && extras.sources ? { sources: extras.sources } : {}),
        },
        input,
      ),
  }));
}

/** Gives every run the digest commands, for adapters that do not pass them themselves. */
export function withDigest(
  defs: readonly SubcommandDefinition[],
  digest: NonNullable<CommandContext["digest"]>,
): SubcommandDefinition[] {
  return withContext(defs, { digest });
}
