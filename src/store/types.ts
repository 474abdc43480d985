// The record shapes the store keeps. Each collection is versioned separately (see records.ts),
// so a later release can change one shape without touching the others.

export type ChatPlatform = "discord" | "slack" | "console";

/** Where a digest goes. guildOrTeamId is kept for adapters that need it to address the channel. */
export interface ChannelRef {
  platform: ChatPlatform;
  channelId: string;
  guildOrTeamId?: string;
}

/** Per guild (Discord) or workspace (Slack) settings. */
export interface GuildSettings {
  /** Users allowed to change settings, beyond those the platform's roles already allow. */
  adminUserIds: string[];
  /** Channels where the bot answers /thesis; empty or absent: every channel. */
  answerChannels?: string[];
  /** A channel's own /thesis limit (null: none), instead of RATE_LIMIT_PER_CHANNEL. */
  channelLimits?: Record<string, { limit: number; windowMs: number } | null>;
  updatedAt: string;
}

export interface DigestSubscription {
  channel: ChannelRef;
  /** Local time of day, "HH:MM" (24-hour). */
  time: string;
  /** IANA zone, as canonicalised by Intl (e.g. "Europe/Berlin", "UTC"). */
  timezone: string;
  createdAt: string;
  /** Slots before this instant are never caught up: subscribing at 15:00 for 09:00 starts tomorrow. */
  updatedAt: string;
}

/** The last digest posted in a channel, for `/thesis digest status`. */
export interface DigestHistoryEntry {
  localDate: string;
  messageId: string;
  postedAt: string;
}

/**
 * What the corpus held when a channel's digest for one date was composed, so the next digest
 * can say what is new since (digest/news.ts). The collection keeps its historic name,
 * "rotation"; which item a digest shows needs no state (digest/rotation.ts).
 */
export interface RotationState {
  /** Source files ("s:…") and claim ids ("c:…") the corpus held. */
  recentIds: string[];
  /** The day number of the snapshot this one was compared with, or -1 for none. */
  cursor: number;
  updatedAt: string;
}

export interface AnswerFeedback {
  /** Identifies the answer: the command text that reproduces it. */
  answerKey: string;
  /** sha256 of the platform user id with this install's salt (src/feedback/store-feedback.ts). */
  userId: string;
  vote: "up" | "down";
  comment?: string;
  at: string;
  /** The subcommand voted on ("ask"). */
  command?: string;
  platform?: string;
  /** The passages the answer cited, by file and lines. */
  citations?: Array<{ file: string; lines: [number, number] }>;
}

/**
 * A source added at runtime (`sources add`, from chat or the CLI), with the text the ledger
 * indexes and quotes are checked against. Written in one step, after it was indexed: a
 * source is in the store whole or not at all.
 */
export interface StoredSource {
  id: string;
  /** Where it was fetched from; absent for pasted text and files added from the CLI. */
  url?: string;
  title: string;
  outlet?: string;
  author?: string;
  /** Publication date as the page gave it. */
  date?: string;
  origin: "chat" | "folder";
  /** ISO 8601. */
  addedAt: string;
  addedBy?: string;
  text: string;
  /** sha256 of the text with white space collapsed: finds the same article under two URLs. */
  textHash: string;
}

/**
 * A chat app installed into a workspace through OAuth (Slack for many workspaces): the
 * platform's own installation object, tokens included, as its SDK hands it over. Keyed by
 * the workspace or organisation id (see src/adapters/slack/installations.ts).
 */
export interface ChatInstallation {
  platform: ChatPlatform;
  /** The SDK's installation object; only the adapter that wrote it reads it. */
  installation: Record<string, unknown>;
  installedAt: string;
}
