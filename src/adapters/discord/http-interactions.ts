// Discord's HTTP interactions endpoint as a plain node:http listener for
// `POST /discord/interactions` (main.ts mounts it on the shared server). Signed requests
// only: PING -> PONG, a command -> deferred response (type 5) now and the answer through
// the interaction webhook moments later, autocomplete -> choices. Unsigned, forged or
// stale requests get 401; unreadable ones 400.
import type { IncomingMessage, ServerResponse } from "node:http";
import { REST, Routes } from "discord.js";
import type { DiscordMessagePayload } from "../../reply/render-discord.ts";
import {
  askText,
  autocompleteChoices,
  type DiscordCore,
  render,
  runOptions,
  runText,
} from "./core.ts";
import { decodeCustomId } from "./custom-id.ts";
import { FIND_SOURCES_COMMAND } from "./registration.ts";
import { checkSignature, ed25519PublicKey } from "./verify.ts";

/** Where main.ts mounts the listener on the shared HTTP server. */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const MAX_BODY_BYTES = 1_000_000;
const EPHEMERAL = 64;

interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: RawOption[];
}

interface RawInteraction {
  type: number;
  token?: string;
  channel_id?: string;
  member?: { user?: { id: string; username?: string }; permissions?: string };
  user?: { id: string; username?: string };
  data?: {
    name?: string;
    options?: RawOption[];
    custom_id?: string;
    target_id?: string;
    resolved?: { messages?: Record<string, { content?: string }> };
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on("error", () => resolve(null));
  });
}

const MANAGE_GUILD = 1n << 5n;

function userOf(interaction: RawInteraction) {
  const raw = interaction.member?.user ?? interaction.user ?? { id: "unknown" };
  const canManage =
    interaction.member?.permissions !== undefined &&
    (BigInt(interaction.member.permissions) & MANAGE_GUILD) !== 0n;
  return { id: raw.id, ...(raw.username ? { name: raw.username } : {}), canManage };
}

/** Works out what the interaction asks for and answers it through the webhook. */
async function answer(core: DiscordCore, interaction: RawInteraction) {
  const user = userOf(interaction);
  const channelId = interaction.channel_id;
  const data = interaction.data ?? {};
  if (interaction.type === 3) {
    const target = decodeCustomId(data.custom_id ?? "", core.store);
    if (!target?.commandText)
      return [{ content: "This button has expired. Run the command again." }];
    return render(core, await runText(core, target.commandText, user, channelId), {
      commandText: target.commandText,
      page: target.page,
    });
  }
  if (data.name === FIND_SOURCES_COMMAND) {
    const content = data.resolved?.messages?.[data.target_id ?? ""]?.content ?? "";
    return render(core, await runText(core, askText(content), user, channelId));
  }
  const sub = data.options?.find((o) => o.type === 1);
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

  return (req, res) => {
    void (async () => {
      if (req.method !== "POST") return send(res, 405, { error: "Use POST." });
      const body = await readBody(req);
      if (!body) return send(res, 400, { error: "The request body could not be read." });
      const verdict = checkSignature({
        key,
        signature: req.headers["x-signature-ed25519"] as string | undefined,
        timestamp: req.headers["x-signature-timestamp"] as string | undefined,
        body,
        nowSeconds: nowSeconds(),
      });
      if (verdict !== "ok") return send(res, 401, { error: `Bad request signature (${verdict}).` });
      let interaction: RawInteraction;
      try {
        interaction = JSON.parse(body.toString("utf8")) as RawInteraction;
        if (typeof interaction?.type !== "number") throw new Error("no type");
      } catch {
        return send(res, 400, { error: "The body is not an interaction." });
      }
      if (interaction.type === 1) return send(res, 200, { type: 1 });
      if (interaction.type === 4) {
        const sub = interaction.data?.options?.find((o) => o.type === 1);
        const focused = sub?.options?.find((o) => o.focused);
        const choices = focused
          ? autocompleteChoices(core, sub?.name ?? "", focused.name, String(focused.value ?? ""))
          : [];
        return send(res, 200, { type: 8, data: { choices } });
      }
      const token = interaction.token;
      if (!token || (interaction.type !== 2 && interaction.type !== 3)) {
        return send(res, 400, { error: "Unsupported interaction." });
      }
      send(res, 200, { type: 5, data: { flags: EPHEMERAL } });
      try {
        await followUp(token, await answer(core, interaction));
      } catch (error) {
        core.log.error("Answering an HTTP interaction failed", error);
      }
    })();
  };
}
