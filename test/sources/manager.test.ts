// Adding, refreshing and removing sources at runtime against a real loopback web server, a
// real SQLite store and the real ledger of the seeds: what gets in is citable with verified
// quotes, and what is refused leaves the ledger and the store as they were.
import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/sources/errors.ts";
import { openRig, siteAndRigForFile } from "./rig.ts";
import { ARTICLE_PARAGRAPHS, articleHtml } from "./web-server.ts";

const opened = siteAndRigForFile();

async function refusal(work: Promise<unknown>): Promise<SourceError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("sources add", () => {
  it("adds an article page: citable by title and URL, quotes verified against the stored text", async () => {
    const before = opened.rig.live.ledger().claims.length;
    const progress: string[] = [];
    const added = await opened.rig.manager.add(
      { url: opened.site.url("/article") },
      { progress: (m) => void progress.push(m), addedBy: "u1" },
    );
    expect(progress).toEqual(["Fetching…", "Indexing…"]);
    expect(added.source).toMatchObject({
      title: "Quokka subnet draws validators",
      outlet: "Example Wire",
      author: "Ada Lovelace",
      date: "2026-11-20T08:00:00Z",
      url: opened.site.url("/article"),
      origin: "chat",
    });
    expect(added.claims).toBeGreaterThan(0);
    expect(opened.rig.live.ledger().claims.length).toBe(before + added.claims);
    const tao = added.bearing.find((b) => b.topic === "tao");
    expect(tao && tao.bull + tao.bear + tao.neutral).toBeGreaterThan(0);

    const answer = opened.rig.live.thesis.ask("why might the Quokka validators leave?");
    expect(answer.found).toBe(true);
    const cited = answer.citations.find((c) => c.file === added.source.file);
    expect(cited?.title).toBe("Quokka subnet draws validators");
    expect(cited?.quote).toMatch(/Quokka/);
    const info = opened.rig.live.thesis.sources().find((s) => s.file === added.source.file);
    expect(info?.url).toBe(opened.site.url("/article"));
    expect(opened.rig.dropped).toEqual([]);
    // Stored whole, text included.
    const stored = await opened.rig.store.sources.get(added.source.id);
    expect(stored?.text).toContain(ARTICLE_PARAGRAPHS[1]);
    expect(opened.rig.manager.list().find((s) => s.id === added.source.id)).toMatchObject({
      origin: "chat",
      claims: added.claims,
    });
  });

  it("keeps plain Markdown as written", async () => {
    const added = await opened.rig.manager.add({ url: opened.site.url("/notes.md") });
    expect(added.source.title).toBe("Quokka field notes");
    const stored = await opened.rig.store.sources.get(added.source.id);
    expect(stored?.text.startsWith("# Quokka field notes\n\nThe Wombat subnet")).toBe(true);
  });

  const refused: [string, string, RegExp][] = [
    ["/loop0", "too-many-redirects", /redirected more than 5 times/],
    ["/huge", "too-large", /larger than 5 MB/],
    ["/paper.pdf", "pdf", /is a PDF/],
    ["/empty", "no-article", /No article text was found/],
    ["/article", "duplicate-url", /already a source \("Quokka subnet draws validators"\)/],
    ["/article-copy", "duplicate-text", /That text is already a source/],
    ["/missing", "http-status", /HTTP 404/],
  ];
  for (const [path, code, sentence] of refused) {
    it(`refuses ${path} (${code}) with one sentence and changes nothing`, async () => {
      const ledger = opened.rig.live.ledger();
      const stored = (await opened.rig.store.sources.list()).length;
      const error = await refusal(opened.rig.manager.add({ url: opened.site.url(path) }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(sentence);
      expect(error.message.split(/[.!?](?:\s|$)/).filter(Boolean)).toHaveLength(1);
      expect(opened.rig.live.ledger()).toBe(ledger);
      expect((await opened.rig.store.sources.list()).length).toBe(stored);
    });
  }

  it("gives up on a page that never answers", async () => {
    const slow = await openRig({ manager: { fetch: { allowPrivate: true, timeoutMs: 300 } } });
    try {
      const error = await refusal(slow.manager.add({ url: opened.site.url("/slow") }));
      expect(error.code).toBe("timed-out");
      expect(error.message).toBe("The site took too long to answer, so the page was not fetched.");
    } finally {
      await slow.close();
    }
  });

  it("refuses loopback and private addresses unless SOURCES_ALLOW_PRIVATE is set", async () => {
    const guarded = await openRig({ manager: { fetch: { timeoutMs: 2_000 } } });
    try {
      for (const url of [
        opened.site.url("/article"),
        "http://localhost:1/x",
        "http://[::ffff:10.0.0.1]/",
      ]) {
        const error = await refusal(guarded.manager.add({ url }));
        expect(error.code).toBe("private-address");
        expect(error.message).toMatch(/is a private, loopback or link-local address/);
      }
      expect((await refusal(guarded.manager.add({ url: "file:///etc/passwd" }))).code).toBe(
        "bad-url",
      );
    } finally {
      await guarded.close();
    }
  });
});

describe("sources refresh and remove", () => {
  it("refresh re-reads the page: changed text drops the stale claims and quotes", async () => {
    const id =
      opened.rig.manager.list().find((s) => s.url === opened.site.url("/article"))?.id ?? "";
    opened.site.setArticle(
      articleHtml([
        "The Quokka subnet lost most of its validators after emissions were cut in half this month.",
        "Critics say $TAO holders should expect more volatility while the Quokka subnet rebuilds its validator set from scratch.",
        "Some operators may return if rewards recover, but none has committed to a date yet.",
      ]),
    );
    const refreshed = await opened.rig.manager.refresh(id);
    expect(refreshed.source.id).toBe(id);
    const ledger = opened.rig.live.ledger();
    const texts = ledger.claims.filter((c) => c.file === refreshed.source.file).map((c) => c.text);
    expect(texts.join(" ")).toMatch(/lost most of its validators/);
    expect(texts.join(" ")).not.toMatch(/four hundred new validators/);
    const answer = opened.rig.live.thesis.ask("did the Quokka subnet lose validators?");
    expect(answer.citations.some((c) => c.file === refreshed.source.file)).toBe(true);
    expect((await opened.rig.store.sources.get(id))?.text).toMatch(/lost most of its validators/);
  });

  it("remove takes a source out of the ledger, the search index and the store", async () => {
    const target = opened.rig.manager.list().find((s) => s.title === "Quokka field notes");
    if (!target) throw new Error("the Markdown source is missing");
    await opened.rig.manager.remove(target.id);
    expect(opened.rig.live.ledger().documents.some((d) => d.file === target.file)).toBe(false);
    expect(
      opened.rig.live.thesis.ask("Wombat subnet").citations.some((c) => c.file === target.file),
    ).toBe(false);
    expect(await opened.rig.store.sources.get(target.id)).toBeUndefined();
    expect((await refusal(opened.rig.manager.remove(target.id))).code).toBe("unknown-source");
  });

  it("refuses to remove a folder file, saying how", async () => {
    const folder = opened.rig.manager.list().find((s) => s.origin === "folder");
    const error = await refusal(opened.rig.manager.remove(folder?.id ?? ""));
    expect(error.message).toMatch(/is a file in the corpus folder: delete the file there/);
  });

  it("a restart indexes what the store holds", async () => {
    const again = await openRig({ dataDir: opened.rig.dataDir });
    try {
      const added = again.manager.list().filter((s) => s.origin === "chat");
      expect(added.map((s) => s.title)).toEqual(["Quokka subnet draws validators"]);
      expect(again.live.thesis.ask("Quokka validators").citations.length).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });
});
