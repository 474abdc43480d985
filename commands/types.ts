// /thesis subcommands are declared once, as data. Adapters derive Slack's text parsing,
// the console's parser and Discord's registration from these declarations.
import type { z } from "zod";
import type { Translation } from "../src/answer/model-types.ts";
import type { AskResult, ThesisService } from "../src/answer/types.ts";
import type { DigestCommands } from "../src/digest/types.ts";
import type { FeedbackService } from "../src/feedback/types.ts";
import type { Reply } from "../src/reply/reply.ts";
import type { SourceManager } from "../src/sources/manager.ts";
import type { GuildSettings } from "../src/store/types.ts";

export type { DigestCommands };

export type Platform = "discord" | "slack" | "console" | "cli";

export interface OptionMeta {
  description: string;
  /** What an autocompleting surface (Discord) should suggest for this option. */
  autocomplete?: "topic" | "claim";
}

export interface CommandContext {
  thesis: ThesisService;
  platform: Platform;
  user: { id: string; name?: string };
  channelId?: string;
  /** The Slack workspace or Discord guild of the channel, where the platform gives it. */
  workspaceId?: string;
  now: () => Date;
  /** Digest settings and preview; absent where no store is wired (the command says so). */
  digest?: DigestCommands;
  /** A language model for /thesis ask; absent when none is configured (answers stay extractive). */
  model?: ModelAnswers;
  /** Adds, refreshes and removes sources at runtime; absent where no store is wired (list only). */
  sources?: SourceManager;
  /**
   * Shows a passing state of long work ("Fetching…", "Indexing…") before the reply; adapters
   * that can update a message wire it, the others leave it out.
   */
  progress?: (message: string) => Promise<void>;
  /** Votes on answers, for /thesis feedback; absent where no store is wired. */
  feedback?: FeedbackService;
  /** Workspace settings (/thesis settings); absent where no store is wired. */
  settings?: WorkspaceSettingsService;
}

/** A workspace's or server's settings in the store (src/bot/workspace-settings.ts). */
export interface WorkspaceSettingsService {
  /** The settings, with defaults filled in for what nobody changed. */
  get(workspaceId: string): Promise<GuildSettings>;
  update(
    workspaceId: string,
    change: (current: GuildSettings) => GuildSettings,
  ): Promise<GuildSettings>;
}

/** What /thesis ask needs from an optional model (see src/llm/start-model.ts). */
export interface ModelAnswers {
  /** The model's name, shown beside a summary it wrote. */
  readonly name: string;
  /**
   * The extractive answer's verified citations, led by the model's grounded summary when
   * `synthesized`, else by the extractive lead. Never rejects.
   */
  answer(question: string, limit?: number): Promise<AskResult & { synthesized: boolean }>;
  /**
   * A question not in English, put into English before search; null when the model cannot
   * (timeout, error, a reply it cannot trust). Absent: such questions get the English-only
   * sentence. Never rejects.
   */
  translate?(question: string): Promise<Translation | null>;
}

export interface SubcommandDefinition<Schema extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  /** One line shown in help and usage errors, e.g. "/thesis ask <question>". */
  usage: string;
  options: Schema;
  optionMeta: { [K in keyof z.infer<Schema>]-?: OptionMeta };
  /** Text surfaces give this option everything typed after the subcommand. */
  rest?: keyof z.infer<Schema> & string;
  /** Checked by the bot before `run` (src/bot/preconditions.ts); a refusal is one sentence. */
  preconditions?: Preconditions<z.infer<Schema>>;
  run(ctx: CommandContext, input: z.infer<Schema>): Promise<Reply>;
}

/** What must hold before a subcommand runs, as sapphire's preconditions declare it. */
export interface Preconditions<Input> {
  /**
   * Only admins may run it, or only the inputs `when` picks (`digest on` and `off`, not
   * `status`). `to` finishes the refusal: "Only workspace admins can <to>." The bot asks the
   * platform who is an admin only when this applies.
   */
  admin?: { to: string; when?(input: Input): boolean };
  /** Counts against the per-user and per-channel limits in chat. Defaults to true. */
  rateLimited?: boolean;
}
