// `digest`: the digest a channel would get on a date, exactly as the scheduler composes it,
// shown as the post and its thread through the console renderer (src/digest/replies.ts).
// The pair and risk depend only on (channel, date), so the preview is deterministic. The CLI
// opens no store, so it cannot know the channel's last digest and reports `new: []`.
// This file only reads --date and --channel, which the chat command does not have (there the
// channel is the one typed in and the date is today in its zone).

import { renderConsole } from "../adapters/console/render.ts";
import { composeDigest, type Digest, digestReplies } from "../digest/index.ts";
import type { ChatPlatform } from "../store/types.ts";
import { type CliCommand, CliUsageError } from "./io.ts";

const PLATFORMS: readonly ChatPlatform[] = ["discord", "slack", "console"];

function dateOf(flag: string | boolean | undefined, now: Date): string {
  if (flag === undefined) return now.toISOString().slice(0, 10);
  const text = String(flag);
  // "2026-13-45" is an Invalid Date, whose toISOString() throws: check the time first.
  const time = new Date(`${text}T00:00:00Z`).getTime();
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(text);
  if (!valid)
    throw new CliUsageError(
      `"${text}" is not a date: give it as YYYY-MM-DD, for example 2025-06-01.`,
      "BAD_DATE",
    );
  return text;
}

/** "slack:C123" or "discord:123…" name a chat channel; a bare id is a console channel. */
function channelOf(flag: string | boolean | undefined) {
  const text = flag === undefined ? "console" : String(flag).trim();
  if (!text) throw new CliUsageError("Give a channel id after --channel, for example slack:C0123.");
  const [prefix, ...rest] = text.split(":");
  const platform = PLATFORMS.find((p) => p === prefix);
  if (platform && rest.length > 0) return { platform, channelId: rest.join(":") };
  return { platform: "console" as const, channelId: text };
}

/** The `--json` document, as docs/CLI.md gives it. */
function digestJson(digest: Digest) {
  return {
    date: digest.date,
    pair: digest.pair,
    risk: digest.risk ? { label: digest.risk.label, citations: digest.risk.citations } : null,
    new: digest.new,
    text: digest.text,
  };
}

export const digestCommand: CliCommand = {
  name: "digest",
  summary: "The digest a channel gets on a date (ID: slack:C…, discord:…, or console)",
  usage: "thesis-bot digest [--date YYYY-MM-DD] [--channel ID] [--json]",
  valueFlags: ["date", "channel"],
  async run(input) {
    const date = dateOf(input.flags.date, new Date());
    const channel = channelOf(input.flags.channel);
    const digest = await composeDigest(await input.thesis(), channel, date);
    const { post, thread } = digestReplies(digest);
    const text = [post, ...(thread ? [thread] : [])].map(renderConsole).join("\n").trimEnd();
    return { json: digestJson(digest), text };
  },
};
