// Slack for many workspaces, end to end: two teams install the app through GET /slack/install
// and GET /slack/oauth_redirect (state cookie and all) against the loopback Slack fake, which
// hands each its own bot token (oauth.v2.access); each team's requests and its digest are then
// answered with that team's token, and an uninstall removes the team's installation and data.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { channelTeamRecorder } from "../../src/app/channel-team.ts";
import { workspaceForgetter } from "../../src/app/forget-workspace.ts";
import {
  createDigestSubscriptions,
  digestCommandsFrom,
  digestComposer,
} from "../../src/digest/index.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import type { ChannelRef } from "../../src/store/types.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { mentionEvent, type SlackHarness, startSlackHarness } from "./slack-harness.ts";

const TEAMS = [
  {
    code: "code-one",
    teamId: "T1",
    teamName: "One",
    botToken: "xoxb-team-one",
    channels: ["C-ONE"],
  },
  {
    code: "code-two",
    teamId: "T2",
    teamName: "Two",
    botToken: "xoxb-team-two",
    channels: ["C-TWO"],
  },
];

let harness: SlackHarness | undefined;
let store: Store | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await harness?.close();
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  harness = store = dataDir = undefined;
});

async function start() {
  dataDir = mkdtempSync(path.join(tmpdir(), "thesis-oauth-"));
  store = await createStore({ dataDir });
  const subscriptions = createDigestSubscriptions(store);
  const { thesis } = await seedsService();
  const forget = workspaceForgetter(store, subscriptions);
  harness = await startSlackHarness({
    commands: thesisCommands,
    thesis,
    digest: digestCommandsFrom(subscriptions, digestComposer(thesis, store)),
    isAdmin: (userId) => userId === "U1",
    adapter: {
      oauth: { clientId: "111.222", clientSecret: "client-secret", stateSecret: "state-secret" },
      store,
      forgetWorkspace: (teamId) => forget("slack", teamId),
      learnedChannelTeam: channelTeamRecorder(store.subscriptions),
    },
  });
  for (const team of TEAMS) harness.fake.addInstall(team);
  return { h: harness, store, subscriptions };
}

/** What a browser does: /slack/install, Slack's consent (the fake's code), the redirect back. */
async function install(h: SlackHarness, code: string): Promise<Response> {
  const begin = await fetch(`${h.base}/slack/install`, { redirect: "manual" });
  expect(begin.status).toBe(302);
  const consent = new URL(begin.headers.get("location") ?? "");
  expect(consent.origin + consent.pathname).toBe("https://slack.com/oauth/v2/authorize");
  expect(consent.searchParams.get("scope")).toContain("chat:write");
  const state = consent.searchParams.get("state") ?? "";
  const cookie = (begin.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return fetch(`${h.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
  });
}

const mention = (channel: string) => mentionEvent({ channel });

describe("Slack installed in many workspaces (OAuth)", () => {
  it("installs two teams and answers each with its own token", async () => {
    const { h, store } = await start();
    for (const team of TEAMS) {
      const done = await install(h, team.code);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain(`installed in ${team.teamName}`);
    }
    const kept = await store.installations.get("slack:team:T2");
    expect((kept?.installation.bot as { token?: string } | undefined)?.token).toBe("xoxb-team-two");
    expect(await store.installations.list()).toHaveLength(2);

    await h.event(mention("C-ONE"), "EvOne", undefined, "T1");
    await h.event(mention("C-TWO"), "EvTwo", undefined, "T2");
    const posts = await h.fake.waitForCalls("chat.postMessage", 2);
    const tokenIn = (channel: string) => posts.find((p) => p.args.channel === channel)?.token;
    expect(tokenIn("C-ONE")).toBe("xoxb-team-one");
    expect(tokenIn("C-TWO")).toBe("xoxb-team-two");
  });

  it("refuses a redirect whose state is not the browser's", async () => {
    const { h, store } = await start();
    const forged = await fetch(`${h.base}/slack/oauth_redirect?code=code-one&state=forged`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("did not complete");
    expect(await store.installations.list()).toEqual([]);
    expect(h.fake.callsTo("oauth.v2.access")).toEqual([]);
  });

  it("posts a team's digest with that team's token", async () => {
    const { h, subscriptions } = await start();
    for (const team of TEAMS) await install(h, team.code);
    await h.slash("digest on 09:00 UTC", "sub-two", { team_id: "T2", channel_id: "C-TWO" });
    await h.fake.waitForCalls("response_url");
    const [subscription] = await subscriptions.list();
    expect(subscription?.channel).toEqual({
      platform: "slack",
      channelId: "C-TWO",
      guildOrTeamId: "T2",
    });
    expect(await digestTokenFor(h, subscription?.channel ?? DIGEST_NOWHERE)).toBe("xoxb-team-two");
    await expect(h.adapter.chatFor({ guildOrTeamId: "T-NEVER" })).rejects.toThrow(
      /No Slack installation/,
    );
  });

  it("posts a digest subscribed before OAuth (no team on record) with the token that sees its channel, and records the team", async () => {
    const { h, subscriptions } = await start();
    for (const team of TEAMS) await install(h, team.code);
    // As `digest on` recorded it in the single-token days: no workspace.
    const legacy: ChannelRef = { platform: "slack", channelId: "C-TWO" };
    await subscriptions.subscribe(legacy, "09:00", "UTC");
    expect(await digestTokenFor(h, legacy)).toBe("xoxb-team-two");
    const asked = h.fake.callsTo("conversations.info").length;
    expect(asked).toBeGreaterThan(0);
    // The team is now on record, so an uninstall of that team forgets the subscription.
    await until(async () => (await subscriptions.list())[0]?.channel.guildOrTeamId === "T2");
    // Asked once per channel: the answer is remembered for the next day's post.
    expect(await digestTokenFor(h, legacy)).toBe("xoxb-team-two");
    expect(h.fake.callsTo("conversations.info")).toHaveLength(asked);
    await h.event({ type: "app_uninstalled" }, "EvTwoGone", undefined, "T2");
    await until(async () => (await subscriptions.list()).length === 0);
    // A channel no installation can see is refused in one sentence, never posted to.
    await expect(h.adapter.chatFor({ channelId: "C-GONE" })).rejects.toThrow(
      "No Slack installation for this channel's workspace can post in C-GONE.",
    );
  });

  it("forgets a team that uninstalls: its installation and digest go, the other team's stay", async () => {
    const { h, store, subscriptions } = await start();
    for (const team of TEAMS) await install(h, team.code);
    await h.slash("digest on", "sub-one", { team_id: "T1", channel_id: "C-ONE" });
    await h.slash("digest on", "sub-two", { team_id: "T2", channel_id: "C-TWO" });
    await h.fake.waitForCalls("response_url", 2);
    expect(await subscriptions.list()).toHaveLength(2);

    await h.event({ type: "app_uninstalled" }, "EvGone", undefined, "T1");
    await until(async () => (await store.installations.get("slack:team:T1")) === undefined);
    await until(async () => (await subscriptions.list()).length === 1);
    expect((await subscriptions.list()).map((s) => s.channel.guildOrTeamId)).toEqual(["T2"]);
    expect(await store.installations.get("slack:team:T2")).toBeDefined();

    // The forgotten team's token is never used again: its events go unanswered.
    await h.event(mention("C-ONE"), "EvAfter", undefined, "T1");
    await h.event(mention("C-TWO"), "EvStill", undefined, "T2");
    const [post] = await h.fake.waitForCalls("chat.postMessage");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.callsTo("chat.postMessage").map((p) => [p.args.channel, p.token])).toEqual([
      ["C-TWO", "xoxb-team-two"],
    ]);
    expect(post?.token).toBe("xoxb-team-two");
  });

  it("forgets a team whose bot token is revoked, and keeps one whose user tokens alone are", async () => {
    const { h, store } = await start();
    for (const team of TEAMS) await install(h, team.code);
    await h.event({ type: "tokens_revoked", tokens: { oauth: ["UX"] } }, "EvUser", undefined, "T2");
    await h.event({ type: "tokens_revoked", tokens: { bot: ["UBOT"] } }, "EvBot", undefined, "T1");
    await until(async () => (await store.installations.get("slack:team:T1")) === undefined);
    expect(await store.installations.get("slack:team:T2")).toBeDefined();
  });
});

describe("Slack installed org-wide in an Enterprise Grid organisation (OAuth)", () => {
  const ORG = {
    code: "code-org",
    teamId: "T5",
    teamName: "Org home",
    botToken: "xoxb-org",
    enterprise: { id: "E1", name: "Org" },
    orgWide: true,
    channels: ["C-FIVE", "C-SIX"],
  };
  /** An event from team `teamId` of organisation E1, authorized by the org-wide install. */
  const orgEvent = (h: SlackHarness, event: Record<string, unknown>, id: string, teamId: string) =>
    h.send(
      JSON.stringify({
        team_id: teamId,
        enterprise_id: "E1",
        api_app_id: "A1",
        type: "event_callback",
        event_id: id,
        event_time: 1_700_000_000,
        is_enterprise_install: true,
        authorizations: [
          {
            enterprise_id: "E1",
            team_id: null,
            user_id: "UBOT",
            is_bot: true,
            is_enterprise_install: true,
          },
        ],
        event,
      }),
      { contentType: "application/json" },
    );

  it("installs once for the organisation and answers each of its teams with the org's token", async () => {
    const { h, store } = await start();
    h.fake.addInstall(ORG);
    const done = await install(h, ORG.code);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("installed in Org");
    const kept = await store.installations.get("slack:enterprise:E1");
    expect((kept?.installation.bot as { token?: string } | undefined)?.token).toBe("xoxb-org");
    expect(kept?.installation.isEnterpriseInstall).toBe(true);
    expect(await store.installations.list()).toHaveLength(1);

    // Two teams of the organisation, neither installed on its own.
    await orgEvent(h, mention("C-FIVE"), "EvFive", "T5");
    await orgEvent(h, mention("C-SIX"), "EvSix", "T6");
    const posts = await h.fake.waitForCalls("chat.postMessage", 2);
    expect(posts.map((p) => [p.args.channel, p.token]).sort()).toEqual([
      ["C-FIVE", "xoxb-org"],
      ["C-SIX", "xoxb-org"],
    ]);
    // A slash command from a team of the organisation is authorized the same way.
    const slash = await h.slash("help", "org-help", {
      team_id: "T6",
      enterprise_id: "E1",
      is_enterprise_install: "true",
      channel_id: "C-SIX",
    });
    expect(slash.status).toBe(200);
    const [answer] = await h.fake.waitForCalls("response_url");
    expect(answer?.responseId).toBe("org-help");
    // The digest of a team of the organisation: the team has no installation of its own, so
    // the org's, which sees the channel, posts it.
    const teamSix: ChannelRef = { platform: "slack", channelId: "C-SIX", guildOrTeamId: "T6" };
    expect(await digestTokenFor(h, teamSix)).toBe("xoxb-org");
  });

  it("removes the org-wide install when the organisation uninstalls the app", async () => {
    const { h, store } = await start();
    h.fake.addInstall(ORG);
    await install(h, TEAMS[0]?.code ?? "");
    await install(h, ORG.code);
    expect(await store.installations.list()).toHaveLength(2);

    await orgEvent(h, { type: "app_uninstalled" }, "EvOrgGone", "T5");
    const gone =
      "Slack: the app was uninstalled in organisation E1; its installation and data are removed.";
    await until(async () => h.logs.includes(gone));
    expect(await store.installations.get("slack:enterprise:E1")).toBeUndefined();
    // The workspace installed on its own is another installation and stays.
    expect(await store.installations.get("slack:team:T1")).toBeDefined();

    // The organisation's token is never used again.
    await orgEvent(h, mention("C-SIX"), "EvAfterOrg", "T6");
    await h.event(mention("C-ONE"), "EvOne", undefined, "T1");
    await h.fake.waitForCalls("chat.postMessage");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.callsTo("chat.postMessage").map((p) => [p.args.channel, p.token])).toEqual([
      ["C-ONE", "xoxb-team-one"],
    ]);
  });
});

const DIGEST_NOWHERE: ChannelRef = { platform: "slack", channelId: "C-NOWHERE" };

/** Posts a digest-like message as the scheduler does (chatFor with the subscription's channel); the token used. */
async function digestTokenFor(h: SlackHarness, channel: ChannelRef): Promise<string | undefined> {
  const before = h.fake.callsTo("chat.postMessage").length;
  const chat = await h.adapter.chatFor(channel);
  await chat.post(
    { channelId: channel.channelId },
    {
      kind: "info",
      title: "Digest",
      summary: "Today",
      sections: [],
      actions: [],
      visibility: "public",
    },
  );
  const posts = await h.fake.waitForCalls("chat.postMessage", before + 1);
  return posts[before]?.token;
}

async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
