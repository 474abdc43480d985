// The daily digest through discord.js's REST client against the loopback fake Discord,
// driven by the real scheduler: the short post, the full quotes in a thread started on it
// (or as replies when threads are not allowed), and no second post after an interrupted one.
import { REST } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDiscordChat, discordDigestRef } from "../../src/adapters/discord/chat.ts";
import { CommandTextStore } from "../../src/adapters/discord/custom-id.ts";
import { unescapeDiscordMarkdown } from "../../src/adapters/discord/render.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { chatPoster } from "../../src/digest/chat-poster.ts";
import { digestIdempotencyKey } from "../../src/digest/index.ts";
import type { ChannelRef } from "../../src/store/types.ts";
import { seedsService } from "../answer/seeds-service.ts";
import { FakeDiscord } from "../fakes/discord-gateway.ts";
import { FAKE_IDS, type RecordedCall } from "../fakes/discord-rest.ts";
import { type DigestRig, flat, outcomes, startDigestRig } from "./digest-rig.ts";

type Body = {
  embeds?: {
    title?: string;
    description?: string;
    footer?: { text: string };
  }[];
  message_reference?: { message_id: string };
  name?: string;
};

let thesis: ThesisService;
let fake: FakeDiscord;
let rest: REST;
let rig: DigestRig | undefined;

beforeAll(async () => {
  ({ thesis } = await seedsService());
  fake = await FakeDiscord.start();
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken("fake-token");
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});
afterAll(async () => {
  rest?.clearHashSweeper();
  rest?.clearHandlerSweeper();
  await fake?.close();
});

/** The digest poster src/app gives Discord: src/digest's, over Discord's ChatAdapter. */
const discordPoster = (rest: REST) =>
  chatPoster(createDiscordChat({ rest, store: new CommandTextStore(), admins: new Set() }));

const bodyOf = (call: RecordedCall) => call.body as Body;
const postsTo = (channelId: string) =>
  fake.rest
    .find("POST", new RegExp(`/channels/${channelId}/messages$`))
    .filter((c) => c.status === 200);
const embedText = (calls: RecordedCall[]) =>
  flat(
    unescapeDiscordMarkdown(
      calls
        .flatMap((c) => bodyOf(c).embeds ?? [])
        // Quotes are "> " lines in the description; the marks are not the source's words.
        .map((e) => (e.description ?? "").replace(/^> /gm, ""))
        .join(" "),
    ),
  );

async function start(channel: ChannelRef) {
  rig = await startDigestRig({
    start: "2025-06-02T06:00:00Z",
    thesis,
    posters: { discord: discordPoster(rest) },
    subscribe: [{ channel, time: "09:00", timezone: "Europe/Berlin" }],
  });
  return rig;
}

describe("daily digest on Discord", () => {
  it("posts the short digest at 09:00 Berlin, then the full quotes in a thread started on it", async () => {
    const channel: ChannelRef = {
      platform: "discord",
      channelId: "300000000000000001",
      guildOrTeamId: FAKE_IDS.guild,
    };
    const before = fake.rest.calls.length;
    const r = await start(channel);
    await r.advanceTo("2025-06-02T06:59:00Z");
    expect(postsTo(channel.channelId)).toHaveLength(0);
    await r.advanceTo("2025-06-02T07:30:00Z");

    const digest = await r.compose(channel, "2025-06-02", { preview: true });
    const [post, ...more] = postsTo(channel.channelId);
    expect(more).toHaveLength(0);
    const embed = bodyOf(post!).embeds![0]!;
    expect(embed.title).toBe(digest.text.split("\n")[0]);
    expect(flat(unescapeDiscordMarkdown(embed.description ?? ""))).toBe(
      flat(digest.text.split("\n").slice(1).join("\n")),
    );
    const key = digestIdempotencyKey(channel, "2025-06-02");
    expect(bodyOf(post!).embeds!.at(-1)!.footer!.text).toContain(discordDigestRef(key));

    const [threadStart] = fake.rest.find(
      "POST",
      new RegExp(`/channels/${channel.channelId}/messages/\\d+/threads$`),
    );
    expect(threadStart!.path).toContain(
      `/messages/${(r.reports[0]!.result as { messageId: string }).messageId}/threads`,
    );
    expect(bodyOf(threadStart!).name).toBe("The quotes behind the 2025-06-02 digest");
    const threadPosts = fake.rest.calls
      .slice(before)
      .filter((c) => c.method === "POST" && /\/channels\/\d+\/messages$/.test(c.path))
      .filter((c) => !c.path.includes(channel.channelId));
    expect(threadPosts.length).toBeGreaterThan(0);
    const quoted = embedText(threadPosts);
    for (const citation of [digest.pair!.bull, digest.pair!.bear, ...digest.risk!.citations]) {
      expect(quoted).toContain(flat(citation.quote));
    }
    expect(outcomes(r)).toEqual(["posted"]);
    expect(await r.store.digestHistory.get(`discord:${channel.channelId}`)).toMatchObject({
      localDate: "2025-06-02",
    });
  });

  it("replies under the digest instead when the bot may not start threads", async () => {
    const channel: ChannelRef = { platform: "discord", channelId: "300000000000000002" };
    fake.rest.failNext({
      method: "POST",
      path: new RegExp(`/channels/${channel.channelId}/messages/\\d+/threads$`),
      status: 403,
      body: { code: 50013, message: "Missing Permissions" },
    });
    const r = await start(channel);
    await r.advanceTo("2025-06-02T07:30:00Z");
    const [post, ...replies] = postsTo(channel.channelId);
    const digestId = (r.reports[0]!.result as { messageId: string }).messageId;
    expect(replies.length).toBeGreaterThan(0);
    expect(bodyOf(replies[0]!).message_reference?.message_id).toBe(digestId);
    expect(bodyOf(post!).message_reference).toBeUndefined();
    const digest = await r.compose(channel, "2025-06-02", { preview: true });
    expect(embedText(replies)).toContain(flat(digest.pair!.bull.quote));
    expect(outcomes(r)).toEqual(["posted"]);
  });

  it("finds its earlier post after an interrupted attempt and does not post the digest twice", async () => {
    const channel: ChannelRef = { platform: "discord", channelId: "300000000000000003" };
    // The digest goes out, then the next call fails, so the attempt ends before it is recorded.
    fake.rest.failNext({
      method: "POST",
      path: new RegExp(`/channels/${channel.channelId}/messages/\\d+/threads$`),
      status: 400,
      body: { code: 50035, message: "Invalid Form Body" },
    });
    const r = await start(channel);
    await r.advanceTo("2025-06-02T07:01:00Z");
    expect(outcomes(r)).toEqual(["failed"]);
    const first = postsTo(channel.channelId);
    expect(first).toHaveLength(1);

    await r.advanceTo("2025-06-02T08:00:00Z");
    expect(outcomes(r)).toEqual(["failed", "recovered"]);
    const digestPosts = postsTo(channel.channelId).filter((c) =>
      bodyOf(c).embeds?.[0]?.title?.startsWith("Daily digest"),
    );
    expect(digestPosts).toHaveLength(1);
    const recorded = await r.store.digestHistory.get(`discord:${channel.channelId}`);
    expect(recorded?.localDate).toBe("2025-06-02");

    const poster = discordPoster(rest);
    const key = digestIdempotencyKey(channel, "2025-06-02");
    expect(await poster.findExisting!(channel, key)).toEqual({ messageId: recorded!.messageId });
    expect(
      await poster.findExisting!(channel, digestIdempotencyKey(channel, "2025-06-03")),
    ).toBeNull();
  });
});
