// What an interaction asks for, whichever receiver brought it (the gateway, gateway.ts, or
// the HTTP endpoint, http-interactions.ts): both hand over the same zod-checked payload
// (inbound.ts) and a way to send the first response, and src/bot/actions.ts does the rest.
//   /thesis <sub>     -> the answer, privately
//   "Find sources"    -> the passages in a thread on the message
//   a button          -> Share, Quote in thread, paging, Show the bear case (pressButton)
//   autocomplete      -> up to 25 choices, at once
//   sources paste     -> the paste form (a modal), or the admin refusal; its submit adds the text
// A failure is logged and becomes one plain sentence; a permission Discord refused says
// which permission the bot needs.
import type { REST } from "discord.js";
import { answerCommand, findSources, PAGING, pressButton } from "../../bot/actions.ts";
import type { Bot } from "../../bot/bot.ts";
import type { ChatAdapter, ChatUser } from "../../bot/chat-adapter.ts";
import {
  addPastedSource,
  asksForPasteForm,
  PASTE_FORM_ID,
  pasteRefusal,
} from "../../bot/paste-source.ts";
import { answerTurns } from "../../server/turns.ts";
import { type CommandTextStore, decodeCustomId } from "./custom-id.ts";
import type { CommandOption, Interaction } from "./inbound.ts";
import type { DiscordLog } from "./log.ts";
import { pastedFields, pasteModal } from "./paste.ts";
import { FIND_SOURCES_COMMAND, THESIS_COMMAND } from "./registration.ts";
import { isPermissionError, permissionExplanation } from "./send.ts";
import { type FirstResponse, type InteractionTurn, interactionTurn } from "./turns.ts";

export interface InteractionDeps {
  bot: Bot;
  chat: ChatAdapter;
  /** Long command texts behind buttons (custom-id.ts), shared with `chat`. */
  store: CommandTextStore;
  /** discord.js's REST client: the interaction webhook needs no token, only its queue. */
  rest: REST;
  applicationId: string;
  log: DiscordLog;
}

const EPHEMERAL_MESSAGE = 64;
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

const FAILED = "Something went wrong while answering that. It has been logged; please try again.";

type Answerable = Extract<Interaction, { type: 2 | 3 | 4 | 5 }>;

/** Who asked: Manage Server (or Administrator, which implies it) makes them an admin. */
function userOf(interaction: Answerable): ChatUser {
  const raw = interaction.member?.user ?? interaction.user ?? { id: "unknown" };
  const permissions = BigInt(interaction.member?.permissions ?? "0");
  return {
    id: raw.id,
    ...(raw.username ? { name: raw.username } : {}),
    canManage: (permissions & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n,
  };
}

/** The subcommand (option type 1) a /thesis invocation names, if any. */
function subcommandOf(options: readonly CommandOption[] | undefined): CommandOption | undefined {
  return options?.find((o) => o.type === 1);
}

/**
 * Answers an interaction. Resolves once the answer is out; returns without calling `first`
 * for an interaction the bot does not serve (another command, a foreign button or modal).
 */
export async function answerInteraction(
  deps: InteractionDeps,
  interaction: Interaction,
  first: FirstResponse,
): Promise<void> {
  if (interaction.type === 1) return;
  if (interaction.type === 5 && interaction.data.custom_id !== PASTE_FORM_ID) return;
  if (interaction.type === 4) {
    const sub = subcommandOf(interaction.data.options);
    const focused = sub?.options?.find((o) => o.focused);
    const choices = focused
      ? deps.bot.suggest(sub?.name ?? "", focused.name, String(focused.value ?? ""))
      : [];
    return first({ type: 8, data: { choices } });
  }
  const { bot, chat } = deps;
  const channelId = interaction.channel_id;
  const turnOf = (message?: InteractionTurn["message"]) =>
    interactionTurn({
      rest: deps.rest,
      applicationId: deps.applicationId,
      token: interaction.token,
      first,
      store: deps.store,
      user: userOf(interaction),
      channelId,
      workspaceId: interaction.guild_id,
      ...(message ? { message } : {}),
    });

  if (interaction.type === 5) {
    const turn = turnOf();
    const fields = pastedFields(interaction.data.components);
    return answer(deps, turn, { defer: "reply", threading: false }, () =>
      addPastedSource(bot, chat, turn, fields),
    );
  }

  if (interaction.type === 3) {
    const press = await decodeCustomId(interaction.data.custom_id, deps.store);
    if (!press) return;
    const on = interaction.message;
    const turn = turnOf(
      on && channelId
        ? { channelId, messageId: on.id, public: ((on.flags ?? 0) & EPHEMERAL_MESSAGE) === 0 }
        : undefined,
    );
    // An expired button is answered at once; any other runs a command first.
    const defer =
      press.commandText === undefined ? undefined : PAGING.has(press.actionId) ? "update" : "reply";
    const threading = press.actionId === "thread";
    return answer(deps, turn, { defer, threading }, () => pressButton(bot, chat, turn, press));
  }

  const data = interaction.data;
  if (data.name === FIND_SOURCES_COMMAND && data.target_id && channelId) {
    const target = { channelId, messageId: data.target_id };
    const text = data.resolved?.messages?.[data.target_id]?.content ?? "";
    const turn = turnOf({ ...target, public: true });
    return answer(deps, turn, { defer: "reply", threading: true }, () =>
      findSources(bot, chat, turn, target, text),
    );
  }
  if (data.name !== THESIS_COMMAND) return;
  const sub = subcommandOf(data.options);
  const options: Record<string, unknown> = {};
  for (const option of sub?.options ?? []) options[option.name] = option.value;
  const turn = turnOf();
  const invocation = { name: sub?.name ?? "help", options };
  if (asksForPasteForm(invocation)) {
    // A modal must be the first response: no deferring, and the admin check comes first.
    return answer(deps, turn, { defer: undefined, threading: false }, async () => {
      const refused = await pasteRefusal(bot, chat, turn.user);
      await (refused ? turn.respond(refused) : first(pasteModal()));
    });
  }
  return answer(deps, turn, { defer: "reply", threading: false }, () =>
    answerCommand(bot, chat, turn, invocation),
  );
}

/**
 * Defers first (within Discord's 3 seconds), then waits for a turn before the work:
 * answers are computed synchronously, so a burst of interactions is acknowledged first
 * (src/server/turns.ts). A failure is told in one sentence; a refused permission says which
 * one the bot needs (to start threads, when the work was `threading`).
 */
async function answer(
  deps: InteractionDeps,
  turn: InteractionTurn,
  how: { defer: "reply" | "update" | undefined; threading: boolean },
  work: () => Promise<void>,
): Promise<void> {
  try {
    if (how.defer) {
      await turn.defer(how.defer);
      await answerTurns.next();
    }
    await work();
  } catch (error) {
    const permission = isPermissionError(error);
    if (!permission) deps.log.error("Discord interaction failed", error);
    const sentence = permission ? permissionExplanation(how.threading ? "thread" : "send") : FAILED;
    await turn
      .say(sentence)
      .catch((again: unknown) =>
        deps.log.error("Could not tell the user about a failed interaction", again),
      );
  }
}
