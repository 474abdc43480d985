// Two replicas on the real Redis: a source added through one is stored there, and the other
// indexes it from the store (it polls the sources version) and answers about it too.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRig, type Rig } from "./rig.ts";
import { startTestSite, type TestSite } from "./web-server.ts";

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)("replicas on Redis agree on sources (needs REDIS_URL)", () => {
  const keyPrefix = `thesis-test-${randomUUID()}`;
  let site: TestSite;
  let a: Rig;
  let b: Rig;

  beforeAll(async () => {
    site = await startTestSite();
    const options = { store: { redisUrl, keyPrefix }, manager: { pollMs: 100 } };
    a = await openRig(options);
    b = await openRig(options);
  });
  afterAll(async () => {
    const cleanup = a && (await a.store.sources.list());
    for (const row of cleanup ?? []) await a.store.sources.delete(row.id);
    await a?.store.atomic.delete("sources:version");
    await a?.close();
    await b?.close();
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
});
