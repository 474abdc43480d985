// One zod schema over the environment, parsed once at start-up. Errors name the variable
// and say how to fix it, so a misconfigured deployment fails loudly and early.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { FETCH_DEFAULTS } from "./sources/fetch-page.ts";
import { DEFAULT_RATE_LIMITS, type RateLimitRule } from "./store/rate-limit.ts";

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const optionalUrl = optionalText.pipe(z.url({ message: "must be a URL" }).optional());

/** "N/S": at most N /thesis commands per S seconds; "0" turns the limit off. */
function rateLimit(fallback: RateLimitRule) {
  return optionalText
    .pipe(
      z
        .string()
        .regex(
          /^(?:0|\d{1,6}\/\d{1,6})$/,
          'must look like "10/60" (10 commands per 60 seconds), or "0" for no limit',
        )
        .optional(),
    )
    .transform((value): RateLimitRule | null => {
      if (value === undefined) return { ...fallback };
      const [count, seconds] = value.split("/").map(Number);
      return count && seconds ? { limit: count, windowMs: seconds * 1000 } : null;
    });
}

/**
 * DISCORD_SHARDS: "auto" (Discord's recommended count, all in this process), "N" (N shards,
 * all in this process) or "0,1/4" (shards 0 and 1 of 4: this process's part of a larger bot).
 * Unset: one shard, discord.js's default.
 */
const discordShards = optionalText
  .pipe(
    z
      .string()
      .regex(
        /^(?:auto|[1-9]\d{0,3}|\d{1,4}(?:,\d{1,4})*\/[1-9]\d{0,3})$/,
        'must be "auto", a shard count such as "4", or shard ids of a count such as "0,1/4"',
      )
      .optional(),
  )
  .transform((value, ctx) => {
    if (value === undefined || value === "auto") return value;
    const [ids, count] = value.includes("/") ? value.split("/") : [undefined, value];
    const total = Number(count);
    const shards = ids ? ids.split(",").map(Number) : Array.from({ length: total }, (_, i) => i);
    if (shards.some((id) => id >= total)) {
      ctx.addIssue({ code: "custom", message: `shard ids must be below the count (${total})` });
      return z.NEVER;
    }
    return { ids: shards, count: total };
  });

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, "must be the 64 hex characters shown in the Developer Portal")
      .optional(),
  ),
  DISCORD_API_URL: optionalUrl,
  DISCORD_SHARDS: discordShards,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_REDIRECT_URL: optionalUrl,
  PORT: optionalText
    .pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a port number")
        .optional(),
    )
    .transform((value) => (value === undefined ? 3000 : Number(value))),
  HOST: optionalText.pipe(z.string().default("0.0.0.0")),
  CORPUS_DIR: optionalText.pipe(z.string().default(path.join(PACKAGE_ROOT, "seeds"))),
  DATA_DIR: optionalText.pipe(z.string().default("data")),
  REDIS_URL: optionalUrl,
  ADMIN_USERS: optionalText.transform((value) =>
    (value ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  ),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: optionalText,
  OPENAI_MODEL: optionalText,
  OPENAI_EMBEDDING_MODEL: optionalText,
  RATE_LIMIT_PER_USER: rateLimit(DEFAULT_RATE_LIMITS.perUser),
  RATE_LIMIT_PER_CHANNEL: rateLimit(DEFAULT_RATE_LIMITS.perChannel),
  /** "1": `sources add` may fetch private, loopback and link-local addresses (tests, intranets). */
  SOURCES_ALLOW_PRIVATE: optionalText
    .pipe(z.enum(["0", "1"], { message: 'must be "1" or "0"' }).optional())
    .transform((value) => value === "1"),
  /** Largest page `sources add` reads, in bytes; defaults to 5 MB. */
  SOURCES_MAX_BYTES: optionalText
    .pipe(
      z
        .string()
        .regex(/^\d{1,10}$/, "must be a number of bytes")
        .optional(),
    )
    .transform((value) => (value === undefined ? FETCH_DEFAULTS.maxBytes : Number(value))),
  /** Time limit of one `sources add` fetch, redirects included; defaults to 15 s. */
  SOURCES_TIMEOUT_MS: optionalText
    .pipe(
      z
        .string()
        .regex(/^\d{1,7}$/, "must be a number of milliseconds")
        .optional(),
    )
    .transform((value) => (value === undefined ? FETCH_DEFAULTS.timeoutMs : Number(value))),
  /** "0": do not watch CORPUS_DIR for changes (it is watched by default). */
  CORPUS_WATCH: optionalText
    .pipe(z.enum(["0", "1"], { message: 'must be "1" or "0"' }).optional())
    .transform((value) => value !== "0"),
  LOG_LEVEL: optionalText.pipe(z.enum(["trace", "debug", "info", "warn", "error"]).default("info")),
  /**
   * "json" (one JSON object per line, with a request id) or "text" (readable lines).
   * Defaults to json when serving chat and text at the local console (src/app/log.ts).
   */
  LOG_FORMAT: optionalText.pipe(
    z.enum(["json", "text"], { message: 'must be "json" or "text"' }).optional(),
  ),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws a ConfigError whose message lists every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    // One line however many variables are wrong, so it stays one log line.
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid environment (${problems.join("; ")}).`);
  }
  const config = result.data;
  const oauth = [config.SLACK_CLIENT_ID, config.SLACK_CLIENT_SECRET, config.SLACK_STATE_SECRET];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    throw new ConfigError(
      "Slack for many workspaces needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.",
    );
  }
  const slackOAuth = oauth.every(Boolean);
  if (slackOAuth && config.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      "Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and its secrets (many workspaces, each installing through /slack/install), not both.",
    );
  }
  if (config.SLACK_APP_TOKEN && !config.SLACK_BOT_TOKEN && !slackOAuth) {
    throw new ConfigError(
      "SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Socket Mode needs both.",
    );
  }
  if (
    (config.SLACK_BOT_TOKEN || slackOAuth) &&
    !config.SLACK_APP_TOKEN &&
    !config.SLACK_SIGNING_SECRET
  ) {
    throw new ConfigError(
      `${slackOAuth ? "SLACK_CLIENT_ID" : "SLACK_BOT_TOKEN"} is set: also set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).`,
    );
  }
  if (config.DISCORD_TOKEN && !config.DISCORD_APPLICATION_ID) {
    throw new ConfigError(
      "DISCORD_TOKEN is set: also set DISCORD_APPLICATION_ID to register /thesis.",
    );
  }
  return config;
}
