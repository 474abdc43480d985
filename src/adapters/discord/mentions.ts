// "@thesis-bot why does distribution win?" answers where it was asked: inside a thread the
// answer goes to the thread; elsewhere it replies to the message. Discord delivers the
// content of a message that mentions the bot even without the privileged Message Content
// intent, so the bot never asks for it. Bots (including itself) are ignored.
import type { Message } from "discord.js";
import { askText, type DiscordCore, render, runText } from "./core.ts";
import { isPermissionError, postMessages } from "./send.ts";

export async function handleMention(core: DiscordCore, message: Message): Promise<void> {
  const botId = message.client.user?.id;
  if (!botId || message.author.bot || message.webhookId) return;
  const mention = new RegExp(`<@!?${botId}>`, "g");
  if (!mention.test(message.content)) return;
  const question = message.content.replace(mention, " ").trim();
  const text = question === "" ? "help" : askText(question);
  try {
    const reply = await runText(
      core,
      text,
      { id: message.author.id, name: message.author.username },
      message.channelId,
    );
    const inThread = message.channel.isThread();
    const payloads = render(core, reply, { forcePublic: true });
    await postMessages(
      message.client.rest,
      message.channelId,
      payloads,
      inThread ? undefined : message.id,
    );
  } catch (error) {
    if (isPermissionError(error)) {
      core.log.info(`No permission to answer a mention in channel ${message.channelId}.`);
    } else core.log.error("Answering a mention failed", error);
  }
}
