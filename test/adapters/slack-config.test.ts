// Slack's two token modes from the environment: one bot token, or OAuth for many workspaces;
// half an OAuth setup, or both modes at once, stop start-up with one sentence.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { slackConfigFromEnv } from "../../src/adapters/slack/index.ts";
import { SLACK_BOT_SCOPES } from "../../src/adapters/slack/oauth.ts";
import { loadConfig } from "../../src/config.ts";

const OAUTH = {
  SLACK_CLIENT_ID: "111.222",
  SLACK_CLIENT_SECRET: "client-secret",
  SLACK_STATE_SECRET: "state-secret",
  SLACK_SIGNING_SECRET: "signing",
};
const deps = { bot: {} as never, log: () => {} };

describe("Slack settings", () => {
  it("reads OAuth for many workspaces, with the redirect URL when given", () => {
    const config = slackConfigFromEnv(
      loadConfig({ ...OAUTH, SLACK_REDIRECT_URL: "https://bot.example/slack/oauth_redirect" }),
      deps,
    );
    expect(config?.botToken).toBeUndefined();
    expect(config?.oauth).toEqual({
      clientId: "111.222",
      clientSecret: "client-secret",
      stateSecret: "state-secret",
      redirectUri: "https://bot.example/slack/oauth_redirect",
    });
  });

  it("keeps the single bot token mode", () => {
    const config = slackConfigFromEnv(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }),
      deps,
    );
    expect(config?.botToken).toBe("xoxb-1");
    expect(config?.oauth).toBeUndefined();
  });

  it("refuses half an OAuth setup, both modes at once, and OAuth with no way in", () => {
    const { SLACK_STATE_SECRET: _left, ...half } = OAUTH;
    expect(() => loadConfig(half)).toThrow(/all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET/);
    expect(() => loadConfig({ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/not both/);
    const { SLACK_SIGNING_SECRET: _none, ...unsigned } = OAUTH;
    expect(() => loadConfig(unsigned)).toThrow(
      /SLACK_CLIENT_ID is set: also set SLACK_SIGNING_SECRET/,
    );
  });

  it("asks at install for the bot scopes the manifest declares, and subscribes to uninstalls", () => {
    const manifest = readFileSync(new URL("../../slack/manifest.yml", import.meta.url), "utf8");
    const botScopes = /scopes:\n {4}bot:\n((?: {6}(?:- .+|#.*)\n)+)/.exec(manifest)?.[1] ?? "";
    const declared = [...botScopes.matchAll(/- (\S+)/g)].map((match) => match[1]);
    expect(declared).toEqual([...SLACK_BOT_SCOPES]);
    expect(manifest).toContain("https://YOUR_HOST/slack/oauth_redirect");
    expect(manifest).toMatch(/- app_uninstalled\n[\s\S]*- tokens_revoked/);
  });
});
