import { afterEach, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../src/adapters/slack/index.ts";
import { createBot } from "../../src/bot/bot.ts";
import { createHttpServer } from "../../src/server/http.ts";
import { startFakeSlackApi } from "../fakes/slack-api.ts";
import { type SlackHarness, signSlack, startSlackHarness, visibleText } from "./slack-harness.ts";
import { gatedCommand, testCommands, tinyThesis } from "./slack-test-commands.ts";

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
/** Calls the fake saw besides Bolt's start-up auth.test. */
const userVisibleCalls = (h: SlackHarness) => h.fake.calls.filter((c) => c.method !== "auth.test");

describe("Slack over HTTP: /thesis", () => {
  it("verifies the bot token with auth.test against SLACK_API_URL at start-up", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    expect(harness.fake.callsTo("auth.test")).toHaveLength(1);
    expect(harness.fake.callsTo("auth.test")[0]?.token).toBe("xoxb-test");
  });

  it("acks a signed slash command with an empty 200 and answers privately with cited passages", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    const res = await harness.slash("ask does distribution win", "r1");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");

    const [answer] = await harness.fake.waitForCalls("response_url");
    expect(answer?.responseId).toBe("r1");
    expect(answer?.args.response_type).toBe("ephemeral");
    const shown = visibleText(answer?.args ?? {});
    expect(shown).toContain("> Open weights spread faster than any licence can follow.");
    expect(shown).toContain("seeds/000_a.txt · lines 12–13");
    expect(shown).toContain("China's open-weight push");
    const blocks = answer?.args.blocks as { type: string; elements?: { action_id: string }[] }[];
    const buttons = blocks.find((b) => b.type === "actions")?.elements?.map((e) => e.action_id);
    expect(buttons).toEqual(["thesis_share", "thesis_thread", "thesis_bearcase"]);
    expect(harness.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("rejects a forged signature with 401 and runs nothing", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    const body = new URLSearchParams({ command: "/thesis", text: "ask distribution" }).toString();
    const res = await harness.send(body, {
      signature: signSlack(body, Date.now() / 1000, "wrong"),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(userVisibleCalls(harness)).toEqual([]);
  });

  it("rejects a correctly signed but stale request (over 5 minutes old) with 401", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    const body = new URLSearchParams({
      command: "/thesis",
      text: "ask distribution",
      response_url: harness.fake.responseUrl("stale"),
    }).toString();
    const res = await harness.send(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await settle();
    expect(userVisibleCalls(harness)).toEqual([]);
  });

  it("echoes a question with <!channel> and @here back escaped, so nobody is pinged", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    // Slack delivers a typed @channel as the token <!channel>.
    await harness.slash("ask <!channel> @here does distribution win <@U999>");
    const [answer] = await harness.fake.waitForCalls("response_url");
    const shown = visibleText(answer?.args ?? {});
    expect(shown).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U999>/);
    expect(shown).not.toMatch(/@(here|channel)\b/);
    expect(shown).toContain("distribution win");
  });

  it("tells the user one plain sentence when a command crashes, with details only in the log", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    await harness.slash("explode");
    const [answer] = await harness.fake.waitForCalls("response_url");
    const shown = visibleText(answer?.args ?? {});
    expect(shown).toContain("Something went wrong");
    expect(shown).not.toContain("/secret/path");
    expect(harness.logs.join("\n")).toContain("/secret/path");
  });

  it("answers an unknown subcommand privately with a usage hint", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    await harness.slash("dance");
    const [answer] = await harness.fake.waitForCalls("response_url");
    expect(visibleText(answer?.args ?? {})).toContain("is not a /thesis subcommand");
  });
});

describe("Slack start-up", () => {
  it("stops with a sentence naming SLACK_BOT_TOKEN when Slack rejects the token", async () => {
    const fake = await startFakeSlackApi();
    fake.handle("auth.test", () => ({ ok: false, error: "invalid_auth" }));
    const server = createHttpServer({ log: () => {} });
    const adapter = createSlackAdapter({
      botToken: "xoxb-wrong",
      signingSecret: "s",
      apiUrl: fake.apiUrl,
      server,
      bot: createBot({ commands: testCommands, thesis: tinyThesis, log: () => {} }),
      log: () => {},
    });
    await expect(adapter.start()).rejects.toThrow(
      /Slack rejected SLACK_BOT_TOKEN \(auth.test failed: invalid_auth\)/,
    );
    await fake.close();
  });
});

describe("the shared HTTP server", () => {
  it("answers GET /healthz and 404 elsewhere", async () => {
    harness = await startSlackHarness({ commands: testCommands, thesis: tinyThesis });
    const health = await fetch(`${harness.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await fetch(`${harness.base}/nowhere`)).status).toBe(404);
  });

  it("finishes an answer still being written when shutdown starts, then refuses connections", async () => {
    const slow = gatedCommand();
    harness = await startSlackHarness({
      commands: [...testCommands, slow.command],
      thesis: tinyThesis,
    });
    const h = harness;
    expect((await h.slash("slow", "slow")).status).toBe(200);
    const stopping = h.server.stop();
    let stopped = false;
    void stopping.then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    slow.release();
    await stopping;
    const answers = h.fake.callsTo("response_url");
    expect(answers.map((c) => visibleText(c.args))).toEqual([
      expect.stringContaining("Finally answered"),
    ]);
    await expect(fetch(`${h.base}/healthz`)).rejects.toThrow();
  });
});
