// The one bot every surface talks to: it turns an invocation (typed text, or a subcommand
// with structured options) into a Reply by finding the declared subcommand, checking its
// options and preconditions and running it with the services it needs. It never throws:
// every failure becomes a short usage or error Reply, and a user never sees a stack trace.
import { parseCommandText, UserError, unknownSubcommandReply } from "../../commands/dispatch.ts";
import { failureOf } from "../../commands/failure.ts";
import type {
  CommandContext,
  DigestCommands,
  ModelAnswers,
  SubcommandDefinition,
} from "../../commands/types.ts";
import type { ThesisService } from "../answer/types.ts";
import type { FeedbackService } from "../feedback/types.ts";
import { currentRequestId, inRequest } from "../lib/request-context.ts";
import { errorReply, usageReply } from "../reply/build.ts";
import type { Reply } from "../reply/reply.ts";
import type { SourceManager } from "../sources/manager.ts";
import { type Choice, suggestionsFor } from "./autocomplete.ts";
import type { ChatAdapter, ChatUser } from "./chat-adapter.ts";
import { commandTextOf } from "./command-text.ts";
import type { BotMetrics, CommandOutcome } from "./metrics.ts";
import {
  checkPreconditions,
  type PreconditionServices,
  REFUSED_ADMIN,
  REFUSED_RATE_LIMIT,
} from "./preconditions.ts";
import { withShareButtons } from "./public-replies.ts";
import { VOTE_FAILED, VOTE_THANKS, withVoteButtons } from "./votes.ts";
import { type WelcomeMemory, welcomesInMemory } from "./welcome.ts";

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
  /** Told how each command ended and how long it took; absent in tests and the CLI. */
  metrics?: BotMetrics;
  /** Votes on answers; with it, answers in chat carry 👍 / 👎 (src/bot/votes.ts). */
  feedback?: FeedbackService;
  /** Defaults to the system clock. */
  now?: () => Date;
  /** Which places were welcomed (src/bot/welcome.ts). Defaults to a process-local memory. */
  welcomes?: WelcomeMemory;
  /**
   * Resolves when this answer may compute (src/server/turns.ts, given by src/app). The store
   * reads before it (settings, rate limits) come back from Redis in batches; without a turn,
   * every answer resumed by one batch would compute back to back while acknowledgements wait.
   */
  turn?: () => Promise<void>;
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
  /** The Slack workspace or Discord guild (settings, Slack's per-workspace tokens). */
  workspaceId?: string | undefined;
  progress?: ((message: string) => Promise<void>) | undefined;
}

export interface Bot {
  readonly commands: readonly SubcommandDefinition[];
  readonly thesis: ThesisService;
  /** Which channels and servers were welcomed already (src/bot/welcome.ts). */
  readonly welcomes: WelcomeMemory;
  /** The source manager commands get; the paste forms add through it (paste-source.ts). */
  readonly sources?: SourceManager;
  /** Runs an invocation for a user of a platform; never rejects. */
  run(adapter: ChatAdapter, who: Asker, invocation: Invocation): Promise<Answer>;
  /**
   * Records `who`'s 👍 / 👎 on the answer `commandText` reproduces (their later vote replaces
   * it) and returns the one sentence to tell them. Never rejects.
   */
  vote(adapter: ChatAdapter, who: Asker, commandText: string, vote: "up" | "down"): Promise<string>;
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
    /** False for a vote's re-run: the voter's rate limit is not spent on it. */
    checks = true,
  ): Promise<Reply> {
    const def = commands.find((d) => d.name === name);
    if (!def) return unknownSubcommandReply(name, commands);
    const parsed = def.options.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return usageReply(first?.message ?? "Those options do not fit.", def.usage);
    }
    try {
      const refused =
        checks && (await checkPreconditions(def, parsed.data, { adapter, ...who }, services));
      if (refused) return refused;
      const ctx: CommandContext = {
        thesis: services.thesis,
        platform: adapter.platform,
        user: who.user.name ? { id: who.user.id, name: who.user.name } : { id: who.user.id },
        ...(who.channelId ? { channelId: who.channelId } : {}),
        ...(who.workspaceId ? { workspaceId: who.workspaceId } : {}),
        now,
        ...(services.digest ? { digest: services.digest } : {}),
        ...(services.model ? { model: services.model } : {}),
        ...(services.sources ? { sources: services.sources } : {}),
        ...(who.progress ? { progress: who.progress } : {}),
        ...(services.feedback ? { feedback: services.feedback } : {}),
        ...(services.settings ? { settings: services.settings } : {}),
      };
      await services.turn?.();
      return await def.run(ctx, parsed.data);
    } catch (error) {
      if (error instanceof UserError) return errorReply(error.message);
      log(`/thesis ${name} failed`, error);
      return errorReply(
        "Something went wrong while answering that. It has been logged; please try again.",
      );
    }
  }

  async function run(
    adapter: ChatAdapter,
    who: Asker,
    invocation: Invocation,
  ): Promise<Answer & { name: string }> {
    let name: string;
    let raw: Record<string, unknown>;
    if ("text" in invocation) {
      const parsed = parseCommandText(invocation.text, commands);
      if (!parsed.ok)
        return { reply: parsed.reply, commandText: invocation.text.trim(), name: "unknown" };
      ({ name, raw } = parsed);
    } else {
      name = invocation.name;
      raw = invocation.options;
    }
    const commandText = commandTextOf(commands, name, raw);
    const reply = await execute(adapter, who, name, raw);
    return { reply, commandText, name };
  }

  return {
    commands,
    thesis: services.thesis,
    welcomes: services.welcomes ?? welcomesInMemory(),
    ...(services.sources ? { sources: services.sources } : {}),
    run: (adapter, who, invocation) =>
      inRequest(async () => {
        const started = performance.now();
        const { reply, commandText, name } = await run(adapter, who, invocation);
        services.metrics?.commandAnswered({
          requestId: currentRequestId(),
          platform: adapter.platform,
          command: commands.some((d) => d.name === name) ? name : "unknown",
          outcome: outcomeOf(reply),
          seconds: (performance.now() - started) / 1000,
        });
        const shared = withShareButtons(reply, commandText);
        const chat = adapter.platform === "slack" || adapter.platform === "discord";
        return {
          reply: services.feedback && chat ? withVoteButtons(shared, commandText) : shared,
          commandText,
        };
      }),
    async vote(adapter, who, commandText, vote) {
      const feedback = services.feedback;
      if (!feedback) return VOTE_FAILED;
      try {
        const parsed = parseCommandText(commandText, commands);
        if (!parsed.ok) return VOTE_FAILED;
        // The answer is re-run (deterministic) for the passages it cited; the voter's
        // preconditions (rate limit) do not apply to a vote, and admin-only answers are not
        // re-run for someone else.
        const def = commands.find((d) => d.name === parsed.name);
        const reply = def?.preconditions?.admin
          ? null
          : await execute(adapter, who, parsed.name, parsed.raw, false);
        const citations = (reply?.sections ?? []).flatMap((section) =>
          section.citations.map((c) => ({ file: c.file, lines: c.lines })),
        );
        await feedback.record({
          commandText: commandTextOf(commands, parsed.name, parsed.raw),
          command: parsed.name,
          platform: adapter.platform,
          userId: who.user.id,
          vote,
          citations,
          at: now(),
        });
        services.metrics?.voteRecorded({ platform: adapter.platform, command: parsed.name, vote });
        return VOTE_THANKS;
      } catch (error) {
        log("Recording a vote failed", error);
        return VOTE_FAILED;
      }
    },
    suggest: (subcommand, option, typed) =>
      suggestionsFor(services.thesis, commands, subcommand, option, typed),
  };
}

function outcomeOf(reply: Reply): CommandOutcome {
  const code = failureOf(reply)?.code;
  if (code === REFUSED_RATE_LIMIT) return "rate-limited";
  if (code === REFUSED_ADMIN) return "admin-only";
  return reply.kind;
}
