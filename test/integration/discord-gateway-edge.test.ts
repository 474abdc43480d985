// Malformed INTERACTION_CREATE packets over the gateway, against the real discord.js Client
// and the loopback fake: discord.js used to throw building them ("options is not iterable")
// as an unhandled rejection. Each is now dropped with a debug line and the bot keeps answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { autocomplete, type FakeDiscord } from "../fakes/discord-gateway.ts";
import { startGatewayBot } from "./discord-gateway-bot.ts";

let fake: FakeDiscord;
let adapter: DiscordAdapter;
const crashes: unknown[] = [];
const debug: string[] = [];
const onCrash = (error: unknown) => crashes.push(error);

beforeAll(async () => {
  process.on("unhandledRejection", onCrash);
  process.on("uncaughtException", onCrash);
  ({ fake, adapter } = await startGatewayBot(
    { info: () => {}, error: () => {}, debug: (message) => debug.push(message) },
    { registerCommands: false },
  ));
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  process.off("unhandledRejection", onCrash);
  process.off("uncaughtException", onCrash);
});

/** A bullbear autocomplete with its option tree (or another field) replaced. */
function malformed(change: Record<string, unknown>, options?: unknown) {
  const base = autocomplete("bullbear", "topic", "tao");
  const data = options === undefined ? base.data : { ...(base.data as object), options };
  return { ...base, data, ...change };
}

async function stillAnswersAutocomplete() {
  const typed = autocomplete("bullbear", "topic", "tao");
  fake.dispatch("INTERACTION_CREATE", typed);
  const call = await fake.rest.waitFor((c) => c.path.includes(`/${typed.token}/callback`));
  expect(call.body).toEqual({
    type: 8,
    data: { choices: [{ name: "Bittensor / TAO (99 claims)", value: "tao" }] },
  });
}

describe("Discord gateway edge", () => {
  it("drops autocomplete packets with non-array or mis-typed options, and keeps answering", async () => {
    const focusedObject = [
      {
        type: 1,
        name: "bullbear",
        options: [{ type: 3, name: "topic", value: { toString: 1 }, focused: true }],
      },
    ];
    const packets = [
      malformed({}, 5),
      malformed({}, { 0: { type: 1 } }),
      malformed({}, [{ type: 1, name: "bullbear", options: 5 }]),
      malformed({}, focusedObject),
    ];
    for (const packet of packets) fake.dispatch("INTERACTION_CREATE", packet);
    await stillAnswersAutocomplete();
    expect(crashes).toEqual([]);
    expect(debug.filter((line) => line.includes("dropped a gateway interaction"))).toHaveLength(4);
    for (const packet of packets) {
      expect(fake.rest.calls.some((c) => c.path.includes(`/${packet.token}/`))).toBe(false);
    }
  });

  it("drops a packet discord.js itself cannot build (a field only discord.js reads)", async () => {
    fake.dispatch("INTERACTION_CREATE", malformed({ entitlements: 5 }));
    await stillAnswersAutocomplete();
    expect(crashes).toEqual([]);
    expect(debug.at(-1)).toContain("discord.js could not read");
  });
});
