// The gateway split into shards (DISCORD_SHARDS) against the loopback fake, which routes a
// guild's events to the shard that owns it as Discord does: both shards identify with their
// [id, count], the bot comes online once both are ready, and an interaction in a guild is
// answered once, by its shard.
import { afterEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { discordConfigFrom } from "../../src/adapters/discord/index.ts";
import { loadConfig } from "../../src/config.ts";
import { type FakeDiscord, slashCommand } from "../fakes/discord-gateway.ts";
import type { RecordedCall } from "../fakes/discord-rest.ts";
import { startGatewayBot } from "./discord-gateway-bot.ts";

let running: { fake: FakeDiscord; adapter: DiscordAdapter } | undefined;
afterEach(async () => {
  await running?.adapter.stop();
  await running?.fake.close();
  running = undefined;
});
const quiet = { info: () => {}, error: () => {} };

describe("Discord gateway with shards", () => {
  it("runs two shards in one process and answers a guild's interaction once", async () => {
    running = await startGatewayBot(quiet, { shards: { ids: [0, 1], count: 2 } });
    const { fake, adapter } = running;
    expect(adapter.client.isReady()).toBe(true);
    expect(fake.identifies.map((d) => (d as { shard: unknown }).shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const interaction = slashCommand("ask", { question: "why does distribution win" });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const isEdit = (c: RecordedCall) =>
      c.method === "PATCH" && c.path.endsWith(`/${interaction.token}/messages/%40original`);
    await fake.rest.waitFor(isEdit);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.rest.calls.filter(isEdit)).toHaveLength(1);
  });

  it("reads DISCORD_SHARDS, and leaves registration to the process that runs shard 0", () => {
    const base = { DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" };
    const from = (shards: string) =>
      discordConfigFrom(loadConfig({ ...base, DISCORD_SHARDS: shards }), { bot: {} as never });
    expect(from("auto")?.shards).toBe("auto");
    expect(from("3")?.shards).toEqual({ ids: [0, 1, 2], count: 3 });
    expect(from("0,1/4")).toMatchObject({ shards: { ids: [0, 1], count: 4 } });
    expect(from("0,1/4")?.registerCommands).toBeUndefined();
    expect(from("2,3/4")?.registerCommands).toBe(false);
    expect(() => from("4/4")).toThrow(/DISCORD_SHARDS: shard ids must be below the count \(4\)/);
    expect(() => from("many")).toThrow(/DISCORD_SHARDS: must be "auto"/);
  });
});
