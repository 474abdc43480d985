// The one bot every surface talks to: it turns an invocation (typed text, or a subcommand
// with structured options) into a Reply by finding the declared subcommand, checking its
// options and preconditions and running it with the services it needs. It never throws:
// every failure becomes a short usage or error Reply, and a user never sees a stack trace.
import { parseCommandText, UserError, unknownSubcommandReply } from "../../commands/dispatch.ts";
import type {
  CommandContext,
  DigestCommands,
  ModelAnswers,
  SubcommandDefinition,
} from "../../commands/types.ts";
import type { ThesisService } from "../answer/types.ts";
import { errorReply, usageReply } from "../reply/build.ts";
import type { Reply } from "../reply/reply.ts";
import type { SourceManager } from "../sources/manager.ts";
import { type Choice, suggestionsFor } from "./autocomplete.ts";
import type { ChatAdapter, ChatUser } from "./chat-adapter.ts";
import { commandTextOf } from "./command-text.ts";
import { checkPreconditions, type PreconditionServices } from "./preconditions.ts";
import { withShareButtons } from "./public-replies.ts";

export interface BotServices extends PreconditionServices {
  commands: readonly SubcommandDefinition[];
  thesis: ThesisService;
  /** Digest settings and preview; absent where no store is wired (the command says so). */
  digest?: DigestCommands;
  /** A language model for /thesis ask; absent when none is configured. */
  model?: ModelAnswers;
  /** Adds, refreshes and removes sources at runtime; absent where no store is wired. */
  sources?: SourceManager;
  log: (message: string, error: unknown) => void;
  /** Defaults to the system clock. */
  now?: () => Date;
}

/** What someone asked for: a typed line ("ask why…") or a subcommand with options. */
export type Invocation = { text: string } | { name: string; options: Record<string, unknown> };

export interface Answer {
  reply: Reply;
  /** The command text that reproduces the reply (what its buttons re-run). */
  commandText: string;
}

/** Who asked, where, and how to tell them about long work ("Fetching…") before the answer. */
export interface Asker {
  user: ChatUser;
  channelId?: string | undefined;
  progress?: ((message: string) => Promise<void>) | undefined;
}

export interface Bot {
  readonly commands: readonly SubcommandDefinition[];
  readonly thesis: ThesisService;
  /** Runs an invocation for a user of a platform; never rejects. */
  run(adapter: ChatAdapter, who: Asker, invocation: Invocation): Promise<Answer>;
  /** Up to 25 suggestions for an option that autocompletes (topics, claim ids). */
  suggest(subcommand: string, option: string, typed: string): Choice[];
}

export function createBot(services: BotServices): Bot {
  const { commands, log } = services;
  const now = services.now ?? (() => new Date());

  async function execute(
    adapter: ChatAdapter,
    who: Asker,
    name: string,
    raw: Record<string, unknown>,
  ): Promise<Reply> {
    const def = commands.find((d) => d.name === name);
    if (!def) return unknownSubcommandReply(name, commands);
    const parsed = def.options.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return usageReply(first?.message ?? "Those options do not fit.", def.usage);
    }
    try {
      const refused = await checkPreconditions(def, parsed.data, { adapter, ...who }, services);
      if (refused) return refused;
      const ctx: CommandContext = {
        thesis: services.thesis,
        platform: adapter.platform,
        user: who.user.name ? { id: who.user.id, name: who.user.name } : { id: who.user.id },
        ...(who.channelId ? { channelId: who.channelId } : {}),
        now,
        ...(services.digest ? { digest: services.digest } : {}),
        ...(services.model ? { model: services.model } : {}),
        ...(services.sources ? { sources: services.sources } : {}),
        ...(who.progress ? { progress: who.progress } : {}),
      };
      return await def.run(ctx, parsed.data);
    } catch (error) {
      if (error instanceof UserError) return errorReply(error.message);
      log(`/thesis ${name} failed`, error);
      return errorReply(
        "Something went wrong while answering that. It has been logged; please try again.",
      );
    }
  }

  return {
    commands,
    thesis: services.thesis,
    async run(adapter, who, invocation) {
      let name: string;
      let raw: Record<string, unknown>;
      if ("text" in invocation) {
        const parsed = parseCommandText(invocation.text, commands);
        if (!parsed.ok) return { reply: parsed.reply, commandText: invocation.text.trim() };
        ({ name, raw } = parsed);
      } else {
        name = invocation.name;
        raw = invocation.options;
      }
      const commandText = commandTextOf(commands, name, raw);
      const reply = await execute(adapter, who, name, raw);
      return { reply: withShareButtons(reply, commandText), commandText };
    },
    suggest: (subcommand, option, typed) =>
      suggestionsFor(services.thesis, commands, subcommand, option, typed),
  };
}
