// "@thesis-bot why does distribution win?" answers where it was asked: inside a thread the
// answer goes to the thread; elsewhere it replies to the message (src/bot/actions.ts
// answerMention). Discord delivers the content of a message that mentions the bot even
// without the privileged Message Content intent, so the bot never asks for it. Bots
// (including itself) are ignored. A mention replying to one of the bot's answers, or in a
// thread the bot answered in, is read as a follow-up to that answer (thread-context.ts).
import type { Message } from "discord.js";
import { answerMention } from "../../bot/actions.ts";
import type { Bot } from "../../bot/bot.ts";
import type { ChatAdapter } from "../../bot/chat-adapter.ts";
import type { DiscordLog } from "./log.ts";
import { isPermissionError } from "./send.ts";
import { discordThreadContext } from "./thread-context.ts";
import { mentionTurn } from "./turns.ts";

export async function handleMention(
  deps: { bot: Bot; chat: ChatAdapter; log: DiscordLog },
  message: Message,
): Promise<void> {
  const botId = message.client.user?.id;
  if (!botId || message.author.bot || message.webhookId) return;
  const mention = new RegExp(`<@!?${botId}>`, "g");
  if (!mention.test(message.content)) return;
  const question = message.content.replace(mention, " ");
  const turn = mentionTurn(
    deps.chat,
    message.client.rest,
    { id: message.author.id, name: message.author.username },
    { channelId: message.channelId, messageId: message.id },
    message.channel.isThread(),
  );
  try {
    // Without the earlier answer (deleted, no Read Message History) the question stands alone.
    const thread = await discordThreadContext(message.client.rest, message).catch(
      (error: unknown) => {
        deps.log.info(`Could not read what a mention follows up on: ${String(error)}`);
        return undefined;
      },
    );
    await answerMention(deps.bot, deps.chat, turn, question, thread);
  } catch (error) {
    if (isPermissionError(error)) {
      deps.log.info(`No permission to answer a mention in channel ${message.channelId}.`);
    } else deps.log.error("Answering a mention failed", error);
  }
}
