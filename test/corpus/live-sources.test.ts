// The article text the quote check sees: the file as it is now, read again only when its
// modification time or size changed; nothing for a deleted, unreadable or outside file.
import { mkdir, mkdtemp, rm, unlink, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { liveSourceTexts } from "../../src/corpus/live-sources.ts";

let dir: string;
let corpus: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "thesis-live-sources-"));
  corpus = path.join(dir, "articles");
  await mkdir(path.join(corpus, "sub"), { recursive: true });
  await writeFile(path.join(corpus, "sub", "a.txt"), "First version.\n");
  await writeFile(path.join(dir, "secret.txt"), "Outside the corpus.\n");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it("follows edits and deletions of a file, by the path citations use", async () => {
  const texts = liveSourceTexts(corpus);
  const file = path.join(corpus, "sub", "a.txt");
  expect(texts.get("articles/sub/a.txt")).toBe("First version.\n");
  await writeFile(file, "Second version!\n");
  // Same size as before? No matter: the modification time moved too.
  await utimes(file, new Date(), new Date(Date.now() + 5_000));
  expect(texts.get("articles/sub/a.txt")).toBe("Second version!\n");
  await writeFile(file, new Uint8Array([0, 1, 2, 3]));
  expect(texts.get("articles/sub/a.txt")).toBeUndefined();
  await unlink(file);
  expect(texts.get("articles/sub/a.txt")).toBeUndefined();
});

it("reads nothing outside the corpus folder", () => {
  const texts = liveSourceTexts(corpus);
  expect(texts.get("articles/../secret.txt")).toBeUndefined();
  expect(texts.get("other/sub/a.txt")).toBeUndefined();
  expect(texts.get("articles/sub")).toBeUndefined();
});
