// Two replicas on the real Redis: a source added through one is stored there, and the other
// indexes it from the store (it polls the sources version) and answers about it too.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textHash } from "../../src/sources/text-hash.ts";
import { openRig, type Rig } from "./rig.ts";
import { startTestSite, type TestSite } from "./web-server.ts";

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)("replicas on Redis agree on sources (needs REDIS_URL)", () => {
  const keyPrefix = `thesis-test-${randomUUID()}`;
  let site: TestSite;
  let a: Rig;
  let b: Rig;
  let c: Rig;

  beforeAll(async () => {
    site = await startTestSite();
    const options = { store: { redisUrl, keyPrefix }, manager: { pollMs: 100 } };
    a = await openRig(options);
    b = await openRig(options);
    // Checks the whole list every 300 ms, the version or not (the default is 30 s).
    c = await openRig({ ...options, manager: { pollMs: 50, fullCheckMs: 300 } });
  });
  afterAll(async () => {
    const cleanup = a && (await a.store.sources.list());
    for (const row of cleanup ?? []) await a.store.sources.delete(row.id);
    await a?.store.atomic.delete("sources:version");
    await a?.close();
    await b?.close();
    await c?.close();
    await site?.close();
  });

  const answersAbout = (rig: Rig, file: string) =>
    rig.live.thesis
      .ask("why might the Quokka validators leave?")
      .citations.some((c) => c.file === file);

  it("a source added through one replica is answered about by both", async () => {
    const added = await a.manager.add({ url: site.url("/article") });
    expect(answersAbout(a, added.source.file)).toBe(true);
    const started = Date.now();
    while (!answersAbout(b, added.source.file)) {
      if (Date.now() - started > 5_000) throw new Error("replica b never indexed the source");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(b.manager.list().find((s) => s.id === added.source.id)).toMatchObject({
      origin: "chat",
      title: "Quokka subnet draws validators",
    });
  });

  it("a source removed through the other replica leaves both", async () => {
    const id = a.manager.list().find((s) => s.origin === "chat")?.id ?? "";
    await b.manager.remove(id);
    const started = Date.now();
    while (a.manager.list().some((s) => s.id === id)) {
      if (Date.now() - started > 5_000) throw new Error("replica a kept the removed source");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(b.manager.list().some((s) => s.id === id)).toBe(false);
  });

  it("a record whose writer died before bumping the version reaches the others at their full check", async () => {
    // What Redis holds after a replica stored a record and died before the version bump.
    const text =
      "# Wombat validators regroup\n\nThe Wombat subnet lost a third of its validators after $TAO emissions fell, operators said.\n\nWombat miners expect the validators to return if rewards recover next quarter.\n";
    const record = {
      id: "web-crashed0001",
      url: "https://example.org/wombat",
      title: "Wombat validators regroup",
      origin: "chat" as const,
      addedAt: new Date().toISOString(),
      text,
      textHash: textHash(text),
    };
    const versionBefore = await a.store.atomic.get("sources:version");
    await a.store.sources.set(record.id, record);
    const started = Date.now();
    while (!c.manager.list().some((s) => s.id === record.id)) {
      if (Date.now() - started > 5_000) throw new Error("replica c never found the record");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await a.store.atomic.get("sources:version")).toBe(versionBefore);
    expect(c.live.thesis.ask("why did the Wombat validators leave?").citations[0]?.file).toBe(
      "added/web-crashed0001",
    );
    // The version alone would not have told them: b, checking the whole list only every 30 s,
    // has not seen it yet.
    expect(b.manager.list().some((s) => s.id === record.id)).toBe(false);
  });
});
