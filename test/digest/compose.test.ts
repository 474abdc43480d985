// The daily digest over the real seeds: which pair a channel sees each day, the risk, the
// short text, its replies, and "new since the last digest" against a real store.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThesisService } from "../../src/answer/service.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { buildLedger } from "../../src/corpus/ledger.ts";
import {
  composeDigest,
  type Digest,
  digestPairPool,
  digestPreviewReply,
  digestReplies,
} from "../../src/digest/index.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import type { ChannelRef } from "../../src/store/types.ts";
import { SEEDS, seedsService } from "../answer/seeds-service.ts";
import { expectVerbatim } from "./verbatim.ts";

const SLACK: ChannelRef = { platform: "slack", channelId: "C0DIGEST" };
const DISCORD: ChannelRef = { platform: "discord", channelId: "100000000000000004" };

let thesis: ThesisService;
beforeAll(async () => {
  ({ thesis } = await seedsService());
});

function days(start: string, count: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(first + i * 86_400_000).toISOString().slice(0, 10),
  );
}

const bullOf = (digest: Digest) => digest.pair?.bull.quote;

describe("composeDigest over the seeds", () => {
  it("gives the same digest for the same channel and date, every time", async () => {
    const first = await composeDigest(thesis, SLACK, "2025-06-01");
    const again = await composeDigest(thesis, SLACK, "2025-06-01");
    expect(again).toEqual(first);
    expect(first.pair?.bull).toBeTruthy();
    expect(first.pair?.bear).toBeTruthy();
  });

  it("shows a different pair on each of 7 consecutive days", async () => {
    expect(digestPairPool(thesis).length).toBeGreaterThan(7);
    const week = await Promise.all(
      days("2025-06-01", 7).map((d) => composeDigest(thesis, SLACK, d)),
    );
    expect(new Set(week.map(bullOf)).size).toBe(7);
  });

  it("goes through every pair once before repeating any", async () => {
    const pool = digestPairPool(thesis);
    const cycle = await Promise.all(
      days("2025-03-10", pool.length).map((d) => composeDigest(thesis, DISCORD, d)),
    );
    expect(new Set(cycle.map(bullOf))).toEqual(new Set(pool.map((p) => p.bull.quote)));
  });

  it("lets two channels see different pairs on the same days", async () => {
    const dates = days("2025-06-01", 7);
    const slack = await Promise.all(dates.map((d) => composeDigest(thesis, SLACK, d)));
    const discord = await Promise.all(dates.map((d) => composeDigest(thesis, DISCORD, d)));
    expect(slack.map(bullOf)).not.toEqual(discord.map(bullOf));
  });

  it("quotes both sides and the risk verbatim, with a risk several sources raise", async () => {
    for (const date of days("2025-01-01", 5)) {
      const digest = await composeDigest(thesis, SLACK, date);
      expectVerbatim(digest.pair!.bull);
      expectVerbatim(digest.pair!.bear);
      expect(digest.risk!.sources).toBeGreaterThanOrEqual(2);
      for (const citation of digest.risk!.citations) expectVerbatim(citation);
    }
    const top = Math.max(...thesis.risks().risks.map((r) => r.sources));
    const risks = await Promise.all(
      days("2025-01-01", 3).map((d) => composeDigest(thesis, SLACK, d)),
    );
    expect(risks.some((d) => d.risk!.sources === top)).toBe(true);
  });

  it("writes a short plain post: topic, bull, bear, risk and how to ask more", async () => {
    const digest = await composeDigest(thesis, SLACK, "2025-06-02");
    const lines = digest.text.split("\n");
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines[0]).toBe(`Daily digest for 2025-06-02 · ${digest.topic!.label}`);
    expect(lines[1]).toMatch(/^Bull: “.+” \(.+\)$/);
    expect(lines[2]).toMatch(/^Bear: “.+” \(.+\)$/);
    expect(lines[3]).toContain(digest.risk!.label);
    expect(digest.text).toContain(`/thesis bullbear ${digest.topic!.id}`);
    expect(digest.text).toContain("/thesis ask");
    for (const line of lines) expect(line.length).toBeLessThan(400);
  });

  it("turns into a short post plus a thread holding every full quote", async () => {
    const digest = await composeDigest(thesis, SLACK, "2025-06-03");
    const { post, thread } = digestReplies(digest);
    expect(post.visibility).toBe("public");
    expect(post.sections).toEqual([]);
    expect([post.title, post.summary].join("\n")).toBe(digest.text);
    const quoted = thread!.sections.flatMap((s) => s.citations);
    expect(quoted).toEqual([digest.pair!.bull, digest.pair!.bear, ...digest.risk!.citations]);
  });

  it("previews as one private reply holding the post's text and the thread's quotes", async () => {
    const digest = await composeDigest(thesis, SLACK, "2025-06-03");
    const { thread } = digestReplies(digest);
    const preview = digestPreviewReply(digest);
    expect(preview.title).toBe("Digest for 2025-06-03 (preview)");
    expect(preview.visibility).toBe("private");
    expect(preview.summary).toBe(digest.text);
    expect(preview.sections).toEqual(thread!.sections);
    expect(preview.data).toBe(digest);
  });
});

describe("what is new since the channel's last digest", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "thesis-digest-new-"));
    store = await createStore({ dataDir: path.join(dir, "data") });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the seeds (same "seeds/…" file names) plus one more article. */
  async function grownCorpus(): Promise<ThesisService> {
    const corpus = path.join(dir, "seeds");
    mkdirSync(corpus, { recursive: true });
    for (const name of readdirSync(SEEDS))
      copyFileSync(path.join(SEEDS, name), path.join(corpus, name));
    writeFileSync(
      path.join(corpus, "005_new_article.txt"),
      [
        "Bittensor subnets keep growing",
        "",
        "Bittensor's $TAO could rise sharply as open-weight models spread across subnets.",
        "The main risk is that subnet incentives may fail if token emissions fall.",
        "",
      ].join("\n"),
    );
    return createThesisService(await buildLedger(corpus));
  }

  it("is empty for a first digest, then names a source added after the last posted one", async () => {
    const memory = { digestHistory: store.digestHistory, rotation: store.rotation };
    const channel: ChannelRef = { platform: "slack", channelId: "C0NEW" };
    const first = await composeDigest(thesis, channel, "2025-06-01", { memory, record: true });
    expect(first.new).toEqual([]);
    await store.digestHistory.set("slack:C0NEW", {
      localDate: "2025-06-01",
      messageId: "1.1",
      postedAt: "2025-06-01T09:00:00Z",
    });
    const same = await composeDigest(thesis, channel, "2025-06-02", { memory });
    expect(same.new).toEqual([]);

    const grown = await grownCorpus();
    const preview = await composeDigest(grown, channel, "2025-06-02", { memory });
    expect(preview.new).toEqual([
      expect.objectContaining({ file: "seeds/005_new_article.txt", newSource: true }),
    ]);
    expect(preview.text).toContain("New since the last digest:");
    // A preview only reads: the post that day still compares with 2025-06-01.
    expect(await store.rotation.get("digest-seen:slack:C0NEW:2025-06-02")).toBeUndefined();
    const posted = await composeDigest(grown, channel, "2025-06-02", { memory, record: true });
    expect(posted.new).toEqual(preview.new);
    const retried = await composeDigest(grown, channel, "2025-06-02", { memory, record: true });
    expect(retried.new).toEqual(preview.new);
  });
});
