// The bot removed from a Discord server: the real discord.js client, logged in to the
// loopback fake gateway, receives GUILD_DELETE, and what the bot kept for that server in the
// real SQLite store (digest subscriptions with their history, settings) is forgotten, while
// another server's stays. A server that is only unavailable (an outage) loses nothing.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { workspaceForgetter } from "../../src/app/forget-workspace.ts";
import { workspaceSettings } from "../../src/bot/workspace-settings.ts";
import { channelKey, createDigestSubscriptions } from "../../src/digest/index.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import type { ChannelRef } from "../../src/store/types.ts";
import type { FakeDiscord } from "../fakes/discord-gateway.ts";
import { FAKE_IDS } from "../fakes/discord-rest.ts";
import { startGatewayBot } from "./discord-gateway-bot.ts";

const OTHER_GUILD = "900000000000000001";
const ours: ChannelRef = {
  platform: "discord",
  channelId: FAKE_IDS.channel,
  guildOrTeamId: FAKE_IDS.guild,
};
const theirs: ChannelRef = {
  platform: "discord",
  channelId: "900000000000000002",
  guildOrTeamId: OTHER_GUILD,
};

let dataDir: string;
let store: Store;
let fake: FakeDiscord;
let adapter: DiscordAdapter;
const logs: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-guild-removed-"));
  store = await createStore({ dataDir });
  const subscriptions = createDigestSubscriptions(store);
  const forget = workspaceForgetter(store, subscriptions);
  for (const channel of [ours, theirs]) {
    await subscriptions.subscribe(channel, "09:00", "UTC");
    await store.digestHistory.set(channelKey(channel), {
      localDate: "2025-06-02",
      messageId: "1",
      postedAt: "2025-06-02T07:00:00.000Z",
    });
  }
  const settings = workspaceSettings(store.settings);
  for (const guild of [FAKE_IDS.guild, OTHER_GUILD])
    await settings.update(guild, (s) => ({ ...s, adminUserIds: ["U-EXTRA"] }));
  ({ fake, adapter } = await startGatewayBot(
    { info: (m) => logs.push(m), error: (m, e) => logs.push(`${m}: ${String(e)}`) },
    { forgetGuild: (guildId) => forget("discord", guildId) },
  ));
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const until = async (done: () => Promise<boolean> | boolean) => {
  const deadline = Date.now() + 5000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const subscribedGuilds = async () =>
  (await store.subscriptions.list()).map((row) => row.value.channel.guildOrTeamId).sort();

it("keeps everything when the server is only unavailable (an outage)", async () => {
  expect(adapter.client.guilds.cache.get(FAKE_IDS.guild)?.available).toBe(true);
  fake.dispatch("GUILD_DELETE", { id: FAKE_IDS.guild, unavailable: true });
  await until(() => adapter.client.guilds.cache.get(FAKE_IDS.guild)?.available === false);
  expect(await subscribedGuilds()).toEqual([FAKE_IDS.guild, OTHER_GUILD].sort());
  expect(await store.settings.get(FAKE_IDS.guild)).toBeDefined();
});

it("forgets the server's digests, history and settings once the bot is removed, and only its", async () => {
  fake.dispatch("GUILD_DELETE", { id: FAKE_IDS.guild });
  await until(() => logs.some((line) => line.startsWith("Discord: removed from server")));
  expect(logs).toContain(
    `Discord: removed from server ${FAKE_IDS.guild}; forgot its digests and settings.`,
  );
  expect(await subscribedGuilds()).toEqual([OTHER_GUILD]);
  expect(await store.digestHistory.get(channelKey(ours))).toBeUndefined();
  expect(await store.digestHistory.get(channelKey(theirs))).toBeDefined();
  expect(await store.settings.get(FAKE_IDS.guild)).toBeUndefined();
  expect((await store.settings.get(OTHER_GUILD))?.adminUserIds).toEqual(["U-EXTRA"]);
  expect(adapter.client.guilds.cache.has(FAKE_IDS.guild)).toBe(false);
});
