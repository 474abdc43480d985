// The seeds are the shared corpus byte for byte. The hashes below are those of
// ../shared/seeds when this was written; where shared/ sits beside the checkout (CI), the
// files are compared with it directly as well.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";

const SEED_SHA256: Record<string, string> = {
  "000_0cf94f8e47b27905.txt": "cc70e1739b524a9ad817a11f05c3dd318afd80053065f19d66cb2fb01705a54e",
  "001_aca24468dc1b362a.txt": "f130d982836191d7385593710be6a8fb33f5ca8fcdf8fb052cb6febdfb474087",
  "002_1dc690997222f7d5.txt": "65177f0944b8a3c99bfceed9bbeab4f9394d4d7337673a2af80812f98d7bb458",
  "003_fdf92715f1aa16f1.txt": "b96212f7595dcb3f56af191ba45602a2a6ff4700182d2113c997bd6b823e6336",
  "004_95406d41cfc8ec42.txt": "58579745d4bd7c3ad3449e1d4e227e179aa519779e3779bb3472caa2eed12b40",
};
const seeds = path.join(PACKAGE_ROOT, "seeds");
const shared = path.resolve(PACKAGE_ROOT, "..", "shared", "seeds");
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("seeds", () => {
  it("holds exactly the five seed documents, byte for byte", () => {
    const texts = readdirSync(seeds)
      .filter((name) => name.endsWith(".txt"))
      .sort();
    expect(texts).toEqual(Object.keys(SEED_SHA256).sort());
    for (const name of texts) expect(sha256(path.join(seeds, name)), name).toBe(SEED_SHA256[name]);
  });

  it.skipIf(!existsSync(shared))("matches ../shared/seeds when it is present", () => {
    for (const name of readdirSync(shared)) {
      expect(sha256(path.join(seeds, name)), name).toBe(sha256(path.join(shared, name)));
    }
  });

  it("has a sources.json entry with a title for every seed", () => {
    const sources = JSON.parse(readFileSync(path.join(seeds, "sources.json"), "utf8")) as {
      id: string;
      file: string;
      title: string;
    }[];
    expect(sources.map((s) => path.basename(s.file)).sort()).toEqual(
      Object.keys(SEED_SHA256).sort(),
    );
    for (const s of sources) expect(s.title.length).toBeGreaterThan(10);
  });
});
