// A loopback fake of Discord for driving the real discord.js Client: one node:http server
// on 127.0.0.1:0 serving the REST routes (see discord-rest.ts) and, on upgrade, a gateway
// websocket that says HELLO, answers IDENTIFY with READY + GUILD_CREATE, ACKs heartbeats,
// and lets a test dispatch INTERACTION_CREATE / MESSAGE_CREATE. Several shards may connect:
// as on Discord, a guild's events go only to the shard that owns it ((id >> 22) % count).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { type WebSocket, WebSocketServer } from "ws";
import {
  FAKE_IDS,
  FakeDiscordRest,
  fakeMessage,
  fakeUser,
  interactionMetadata,
  nextId,
} from "./discord-rest.ts";

export class FakeDiscord {
  readonly rest = new FakeDiscordRest();
  readonly server: Server;
  readonly wss: WebSocketServer;
  readonly sockets = new Set<WebSocket>();
  readonly identifies: unknown[] = [];
  /** Each connection's [shard id, shard count] from its IDENTIFY. */
  readonly #shardOf = new Map<WebSocket, [number, number]>();
  #seq = 0;

  private constructor() {
    this.server = createServer((req, res) => void this.rest.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on("connection", (socket) => this.onConnection(socket));
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.rest.gatewayUrl = `ws://127.0.0.1:${fake.port}`;
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The REST base to give discord.js (`rest: { api }`, DISCORD_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close() {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(socket: WebSocket) {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    socket.on("message", (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: { shard?: [number, number] } };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        this.identifies.push(packet.d);
        const shard = packet.d.shard ?? [0, 1];
        this.#shardOf.set(socket, shard);
        this.sendTo(socket, "READY", {
          v: 10,
          user: { ...fakeUser(FAKE_IDS.bot, true), verified: true, flags: 0 },
          guilds: this.owns(socket, FAKE_IDS.guild)
            ? [{ id: FAKE_IDS.guild, unavailable: true }]
            : [],
          session_id: "fake-session",
          resume_gateway_url: this.rest.gatewayUrl,
          shard,
          application: { id: FAKE_IDS.application, flags: 0 },
        });
        if (this.owns(socket, FAKE_IDS.guild)) this.sendTo(socket, "GUILD_CREATE", guildPayload());
      }
    });
  }

  private sendTo(socket: WebSocket, t: string, d: unknown) {
    this.#seq += 1;
    socket.send(JSON.stringify({ op: 0, t, s: this.#seq, d }));
  }

  /** Sends a dispatch to the shard owning its guild (every client if none); returns when it was sent. */
  dispatch(t: string, d: unknown): number {
    const at = performance.now();
    const guildId = (d as { guild_id?: unknown }).guild_id;
    for (const socket of this.sockets) {
      if (typeof guildId !== "string" || this.owns(socket, guildId)) this.sendTo(socket, t, d);
    }
    return at;
  }

  /** Discord's rule: a guild belongs to shard (guild_id >> 22) % shard count. */
  private owns(socket: WebSocket, guildId: string): boolean {
    const [id, count] = this.#shardOf.get(socket) ?? [0, 1];
    return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
  }
}

function guildPayload() {
  const everyoneRole = {
    id: FAKE_IDS.guild,
    name: "@everyone",
    color: 0,
    hoist: false,
    position: 0,
    permissions: "2248473465835073",
    managed: false,
    mentionable: false,
    flags: 0,
  };
  return {
    id: FAKE_IDS.guild,
    name: "Thesis Club",
    icon: null,
    owner_id: FAKE_IDS.user,
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date(0).toISOString(),
    features: [],
    roles: [everyoneRole],
    emojis: [],
    stickers: [],
    members: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: [
      {
        id: FAKE_IDS.channel,
        type: 0,
        name: "research",
        guild_id: FAKE_IDS.guild,
        position: 0,
        permission_overwrites: [],
      },
    ],
    threads: [
      {
        id: FAKE_IDS.thread,
        type: 11,
        name: "TAO debate",
        guild_id: FAKE_IDS.guild,
        parent_id: FAKE_IDS.channel,
        owner_id: FAKE_IDS.user,
        message_count: 1,
        member_count: 2,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: new Date(0).toISOString(),
          locked: false,
        },
      },
    ],
  };
}

function member(userId: string = FAKE_IDS.user) {
  return {
    user: fakeUser(userId),
    roles: [],
    permissions: "2248473465835073",
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
}

function interactionBase(type: number, data: unknown, channelId: string = FAKE_IDS.channel) {
  return {
    id: nextId(),
    application_id: FAKE_IDS.application,
    type,
    token: `token-${nextId()}`,
    version: 1,
    guild_id: FAKE_IDS.guild,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: FAKE_IDS.guild, name: "research" },
    member: member(),
    app_permissions: "2248473465835073",
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": FAKE_IDS.guild },
    context: 0,
    data,
  };
}

type OptionValue = string | number | boolean;

/** INTERACTION_CREATE for `/thesis <sub> option:value...`. */
export function slashCommand(sub: string, options: Record<string, OptionValue> = {}) {
  const typeOf = (v: OptionValue) => (typeof v === "string" ? 3 : typeof v === "boolean" ? 5 : 4);
  return interactionBase(2, {
    id: nextId(),
    name: "thesis",
    type: 1,
    guild_id: FAKE_IDS.guild,
    options: [
      {
        type: 1,
        name: sub,
        options: Object.entries(options).map(([name, value]) => ({
          type: typeOf(value),
          name,
          value,
        })),
      },
    ],
  });
}

export function autocomplete(sub: string, option: string, typed: string) {
  return interactionBase(4, {
    id: nextId(),
    name: "thesis",
    type: 1,
    options: [
      { type: 1, name: sub, options: [{ type: 3, name: option, value: typed, focused: true }] },
    ],
  });
}

export function buttonClick(customId: string, messageFlags = 64) {
  const message = fakeMessage({
    channelId: FAKE_IDS.channel,
    flags: messageFlags,
    extra: { interaction_metadata: interactionMetadata() },
  });
  return { ...interactionBase(3, { custom_id: customId, component_type: 2 }), message };
}

export function findSources(content: string) {
  const target = fakeMessage({ channelId: FAKE_IDS.channel, content, author: fakeUser() });
  const data = {
    id: nextId(),
    name: "Find sources",
    type: 3,
    target_id: target.id,
    resolved: { messages: { [target.id]: target } },
  };
  return { interaction: interactionBase(2, data), target };
}

/**
 * GUILD_CREATE for a server the bot was just added to, with a system channel and the bot's
 * own member (as Discord sends them); `mayPost: false` denies @everyone Send Messages there.
 */
export function joinedGuild(guildId: string, options: { mayPost?: boolean } = {}) {
  const systemChannelId = nextId();
  const deny =
    options.mayPost === false ? [{ id: guildId, type: 0, allow: "0", deny: "2048" }] : [];
  const base = guildPayload();
  return {
    ...base,
    id: guildId,
    name: "New Server",
    system_channel_id: systemChannelId,
    roles: base.roles.map((role) => ({ ...role, id: guildId })),
    members: [{ ...member(FAKE_IDS.bot), user: fakeUser(FAKE_IDS.bot, true) }],
    channels: [
      {
        id: systemChannelId,
        type: 0,
        name: "general",
        guild_id: guildId,
        position: 0,
        permission_overwrites: deny,
      },
    ],
    threads: [],
  };
}

/** MESSAGE_CREATE from a user (or a bot) in a channel or thread. */
export function userMessage(
  content: string,
  options: { channelId?: string; bot?: boolean; replyTo?: string } = {},
) {
  const author = fakeUser(options.bot ? nextId() : FAKE_IDS.user, options.bot);
  const mentions = content.includes(`<@${FAKE_IDS.bot}>`) ? [fakeUser(FAKE_IDS.bot, true)] : [];
  return {
    ...fakeMessage({
      channelId: options.channelId ?? FAKE_IDS.channel,
      content,
      author,
      extra: {
        mentions,
        ...(options.replyTo
          ? {
              type: 19,
              message_reference: {
                type: 0,
                message_id: options.replyTo,
                channel_id: options.channelId ?? FAKE_IDS.channel,
                guild_id: FAKE_IDS.guild,
              },
            }
          : {}),
      },
    }),
    guild_id: FAKE_IDS.guild,
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  };
}
