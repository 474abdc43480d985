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
  REFUSALS,
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
  /** The digest commands get; the home page lists a workspace's digests through it (home.ts). */
  readonly digest?: DigestCommands;
  /**
   * Runs an invocation for a user of a platform; never rejects. `counted: false` is for what
   * the bot shows on its own (the App Home opened), not a request: the rate limit is not spent.
   */
  run(
    adapter: ChatAdapter,
    who: Asker,
    invocation: Invocation,
    options?: { counted?: boolean },
  ): Promise<Answer>;
  /**
   * The first of several readings of one message whose command takes it (a follow-up: the
   * same subcommand about a topic, else `ask` in context): a reading its command turns down
   * (an unknown topic) gives way to the next. One message is one request: the rate limit
   * counts it once, and a refusal (rate limit, admin, channel) is the answer. Never rejects.
   */
  runFirst(adapter: ChatAdapter, who: Asker, texts: readonly string[]): Promise<Answer>;
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

  /**
   * How a run's preconditions are checked: all of them ("all"); all but the rate limit, for
   * another reading of a message already counted (`counted` reports the first) or what the
   * bot shows on its own ("uncounted"); or none, for a vote's re-run, which spends nothing
   * of the voter's limit ("none").
   */
  type Checks = "all" | "uncounted" | "none";

  async function execute(
    adapter: ChatAdapter,
    who: Asker,
    name: string,
    raw: Record<string, unknown>,
    checks: Checks = "all",
    /** Told when the rate limit was asked (so a later reading is not counted again). */
    counted?: () => void,
  ): Promise<Reply> {
    const def = commands.find((d) => d.name === name);
    if (!def) return unknownSubcommandReply(name, commands);
    const parsed = def.options.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return usageReply(first?.message ?? "Those options do not fit.", def.usage);
    }
    try {
      if (checks === "all") counted?.();
      const refused =
        checks !== "none" &&
        (await checkPreconditions(
          def,
          parsed.data,
          { adapter, ...who },
          services,
          checks === "all",
        ));
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
    checks: Checks = "all",
    counted?: () => void,
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
    const reply = await execute(adapter, who, name, raw, checks, counted);
    return { reply, commandText, name };
  }

  async function runFirst(
    adapter: ChatAdapter,
    who: Asker,
    texts: readonly string[],
  ): Promise<Answer & { name: string }> {
    let counted = false;
    let answer: (Answer & { name: string }) | undefined;
    for (const text of texts) {
      answer = await run(adapter, who, { text }, counted ? "uncounted" : "all", () => {
        counted = true;
      });
      const { kind } = answer.reply;
      const code = failureOf(answer.reply)?.code;
      if ((kind !== "error" && kind !== "usage") || (code && REFUSALS.has(code))) break;
    }
    return answer ?? run(adapter, who, { text: "help" });
  }

  /** Counts and logs one answered request and adds the buttons every answer in chat has. */
  function finish(
    adapter: ChatAdapter,
    started: number,
    { reply, commandText, name }: Answer & { name: string },
  ): Answer {
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
  }

  return {
    commands,
    thesis: services.thesis,
    welcomes: services.welcomes ?? welcomesInMemory(),
    ...(services.sources ? { sources: services.sources } : {}),
    ...(services.digest ? { digest: services.digest } : {}),
    run: (adapter, who, invocation, options) =>
      inRequest(async () => {
        const started = performance.now();
        const checks = options?.counted === false ? "uncounted" : "all";
        return finish(adapter, started, await run(adapter, who, invocation, checks));
      }),
    runFirst: (adapter, who, texts) =>
      inRequest(async () => {
        const started = performance.now();
        return finish(adapter, started, await runFirst(adapter, who, texts));
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
          : await execute(adapter, who, parsed.name, parsed.raw, "none");
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
