// A source added at runtime is "new since the last digest": the digest is composed over the
// live service, so nothing in the digest code had to change for it.
import { describe, expect, it } from "vitest";
import { channelKey, digestComposer } from "../../src/digest/index.ts";
import type { ChannelRef } from "../../src/store/index.ts";
import { siteAndRigForFile } from "./rig.ts";

const opened = siteAndRigForFile();

describe("new since the last digest", () => {
  it("lists a source added after the channel's last digest", async () => {
    const channel: ChannelRef = { platform: "slack", channelId: "C9" };
    const compose = digestComposer(opened.rig.live.thesis, opened.rig.store);
    // The digest of the 1st is composed (its snapshot recorded) and posted.
    await compose(channel, "2026-11-01");
    await opened.rig.store.digestHistory.set(channelKey(channel), {
      localDate: "2026-11-01",
      messageId: "m1",
      postedAt: "2026-11-01T09:00:00Z",
    });
    expect((await compose(channel, "2026-11-02", { preview: true })).text).not.toMatch(/New since/);

    await opened.rig.manager.add({ url: opened.site.url("/article") });
    const next = await compose(channel, "2026-11-02", { preview: true });
    expect(next.text).toMatch(
      /New since the last digest: Quokka subnet draws validators \(new source, \d+ claims\)/,
    );
  });
});
