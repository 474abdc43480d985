// The real Discord adapter (discord.js Client) logged in to the loopback fake gateway, with
// the small test commands: what the gateway tests start before each file.
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordAdapterConfig,
  type DiscordLog,
} from "../../src/adapters/discord/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { fixedThesis, testCommands } from "../fakes/discord-commands.ts";
import { FakeDiscord } from "../fakes/discord-gateway.ts";
import { FAKE_IDS } from "../fakes/discord-rest.ts";

export async function startGatewayBot(
  log: DiscordLog,
  overrides: Partial<DiscordAdapterConfig> = {},
): Promise<{ fake: FakeDiscord; adapter: DiscordAdapter }> {
  const fake = await FakeDiscord.start();
  const adapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: FAKE_IDS.application,
    guildId: FAKE_IDS.guild,
    apiUrl: fake.apiUrl,
    bot: createBot({
      commands: testCommands,
      thesis: fixedThesis(),
      log: (message, error) => log.error(message, error),
    }),
    log,
    ...overrides,
  });
  await adapter.start();
  return { fake, adapter };
}
