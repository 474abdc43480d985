// Discord's HTTP interactions endpoint as a plain node:http listener for
// `POST /discord/interactions` (main.ts mounts it on the shared server). Signed requests
// only: PING -> PONG, a command -> deferred response (type 5) now and the answer through
// the interaction webhook moments later, autocomplete -> choices. Other methods get 405;
// unsigned, forged, stale or future-stamped requests 401; a signed body that is not an
// interaction (inbound.ts, checked with zod) 400 and a debug log line, never a throw.
import type { IncomingMessage, ServerResponse } from "node:http";
import { REST, Routes } from "discord.js";
import { answerTurns } from "../../server/turns.ts";
import { readBody, refuseUnlessPost, sendJson } from "../../server/webhook-io.ts";
import {
  askText,
  autocompleteChoices,
  type DiscordCore,
  render,
  runOptions,
  runText,
} from "./core.ts";
import { decodeCustomId } from "./custom-id.ts";
import {
  type CommandInteraction,
  type CommandOption,
  type ComponentInteraction,
  checkInteraction,
} from "./inbound.ts";
import { FIND_SOURCES_COMMAND } from "./registration.ts";
import type { DiscordMessagePayload } from "./render.ts";
import { checkSignature, ed25519PublicKey } from "./verify.ts";

/** Where main.ts mounts the listener on the shared HTTP server. */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const MAX_BODY_BYTES = 1_000_000;
const EPHEMERAL = 64;

const MANAGE_GUILD = 1n << 5n;

function userOf(interaction: CommandInteraction | ComponentInteraction) {
  const raw = interaction.member?.user ?? interaction.user ?? { id: "unknown" };
  const canManage =
    interaction.member?.permissions !== undefined &&
    (BigInt(interaction.member.permissions) & MANAGE_GUILD) !== 0n;
  return { id: raw.id, ...(raw.username ? { name: raw.username } : {}), canManage };
}

/** Works out what the interaction asks for and answers it through the webhook. */
async function answer(core: DiscordCore, interaction: CommandInteraction | ComponentInteraction) {
  const user = userOf(interaction);
  const channelId = interaction.channel_id;
  if (interaction.type === 3) {
    const target = decodeCustomId(interaction.data.custom_id, core.store);
    if (!target?.commandText)
      return [{ content: "This button has expired. Run the command again." }];
    return render(core, await runText(core, target.commandText, user, channelId), {
      commandText: target.commandText,
      page: target.page,
    });
  }
  const data = interaction.data;
  if (data.name === FIND_SOURCES_COMMAND) {
    const content = data.resolved?.messages?.[data.target_id ?? ""]?.content ?? "";
    return render(core, await runText(core, askText(content), user, channelId));
  }
  const sub = subcommandOf(data.options);
  const raw: Record<string, unknown> = {};
  for (const option of sub?.options ?? []) raw[option.name] = option.value;
  return render(core, await runOptions(core, sub?.name ?? "help", raw, user, channelId));
}

export function createInteractionsListener(options: {
  core: DiscordCore;
  publicKey: string;
  applicationId: string;
  apiUrl?: string;
  nowSeconds?: () => number;
}): RequestListener {
  const { core, applicationId } = options;
  const key = ed25519PublicKey(options.publicKey);
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {});
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  const followUp = async (token: string, payloads: Partial<DiscordMessagePayload>[]) => {
    const [first, ...more] = payloads;
    const body = (p: Partial<DiscordMessagePayload>) => ({ ...p, allowed_mentions: { parse: [] } });
    await rest.patch(Routes.webhookMessage(applicationId, token, "@original"), {
      body: body(first ?? { content: "No answer." }),
      auth: false,
    });
    for (const payload of more) {
      await rest.post(Routes.webhook(applicationId, token), {
        body: { ...body(payload), flags: EPHEMERAL },
        auth: false,
      });
    }
  };

  const refuse = (res: ServerResponse, status: number, why: string) => {
    core.log.debug?.(`Discord: refused an interaction request with ${status} (${why}).`);
    sendJson(res, status, { error: why });
  };

  return async (req, res) => {
    if (refuseUnlessPost(req, res)) return;
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) return refuse(res, read.status, "The request body could not be read.");
    const verdict = checkSignature({
      key,
      signature: req.headers["x-signature-ed25519"],
      timestamp: req.headers["x-signature-timestamp"],
      body: read.body,
      nowSeconds: nowSeconds(),
    });
    if (verdict !== "ok") return refuse(res, 401, `Bad request signature (${verdict}).`);
    const checked = checkInteraction(read.body);
    if (!checked.ok) return refuse(res, 400, `The body is ${checked.reason}.`);
    const interaction = checked.interaction;
    if (interaction.type === 1) return sendJson(res, 200, { type: 1 });
    if (interaction.type === 4) {
      const sub = subcommandOf(interaction.data.options);
      const focused = sub?.options?.find((o) => o.focused);
      const choices = focused
        ? autocompleteChoices(core, sub?.name ?? "", focused.name, String(focused.value ?? ""))
        : [];
      return sendJson(res, 200, { type: 8, data: { choices } });
    }
    if (interaction.type === 5) return refuse(res, 400, "Unsupported interaction (modal submit).");
    sendJson(res, 200, { type: 5, data: { flags: EPHEMERAL } });
    try {
      // Answers are computed synchronously: wait for a turn, so the rest of a burst of
      // requests is acknowledged first (src/server/turns.ts).
      await answerTurns.next();
      await followUp(interaction.token, await answer(core, interaction));
    } catch (error) {
      core.log.error("Answering an HTTP interaction failed", error);
    }
  };
}

/** The subcommand (option type 1) a /thesis invocation names, if any. */
function subcommandOf(options: readonly CommandOption[] | undefined): CommandOption | undefined {
  return options?.find((o) => o.type === 1);
}
