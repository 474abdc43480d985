// The bot was added to a server (guildCreate after the bot is up): one short welcome in the
// server's system channel when the bot may post there, once per server (src/bot/welcome.ts
// remembers, so a rejoin or a restart does not repeat it).
import { type Guild, PermissionFlagsBits } from "discord.js";
import type { Bot } from "../../bot/bot.ts";
import type { ChatAdapter } from "../../bot/chat-adapter.ts";
import { welcomeOnce } from "../../bot/welcome.ts";
import type { DiscordLog } from "./log.ts";
import { isPermissionError } from "./send.ts";

const NEEDED = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
];

export async function welcomeGuild(
  deps: { bot: Bot; chat: ChatAdapter; log: DiscordLog },
  guild: Guild,
): Promise<void> {
  const channel = guild.systemChannel;
  const me = guild.members.me;
  // Unknown permissions (no member data yet) are tried; a refusal is only logged.
  if (!channel || (me && !channel.permissionsFor(me)?.has(NEEDED))) return;
  try {
    await welcomeOnce(deps.bot, deps.chat, { channelId: channel.id }, guild.id);
  } catch (error) {
    if (isPermissionError(error)) deps.log.info(`No permission to welcome server ${guild.id}.`);
    else deps.log.error("Posting the welcome failed", error);
  }
}
