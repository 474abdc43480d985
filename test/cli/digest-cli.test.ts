// `thesis-bot digest`: the documented JSON shape, the same preview on every run, readable text.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectVerbatim } from "../digest/verbatim.ts";
import { runCliCapturing } from "./capture.ts";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "thesis-digest-cli-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCapturing(argv, { DATA_DIR: dataDir });

describe("thesis-bot digest", () => {
  it("prints the docs/CLI.md shape with verbatim citations", async () => {
    const { code, stdout } = await cli("digest", "--date", "2025-06-01", "--json");
    expect(code).toBe(0);
    const digest = JSON.parse(stdout);
    expect(Object.keys(digest)).toEqual(["date", "pair", "risk", "new", "text"]);
    expect(digest.date).toBe("2025-06-01");
    expect(Object.keys(digest.risk)).toEqual(["label", "citations"]);
    expect(digest.new).toEqual([]);
    for (const citation of [digest.pair.bull, digest.pair.bear, ...digest.risk.citations]) {
      expect(Object.keys(citation).sort()).toEqual(["file", "lines", "quote", "title"]);
      expect(citation.file).toMatch(/^seeds\/.+\.txt$/);
      expectVerbatim(citation);
    }
    expect(digest.text).toContain("/thesis ask");
  });

  it("previews the same digest on every run, and per channel", async () => {
    const a = await cli("digest", "--date", "2025-06-01", "--channel", "slack:C1", "--json");
    const b = await cli("digest", "--date", "2025-06-01", "--channel", "slack:C1", "--json");
    expect(a.stdout).toBe(b.stdout);
    const week = await Promise.all(
      ["01", "02", "03", "04", "05", "06", "07"].map((d) =>
        cli("digest", "--date", `2025-06-${d}`, "--channel", "slack:C1", "--json"),
      ),
    );
    const bulls = week.map((r) => JSON.parse(r.stdout).pair.bull.quote);
    expect(new Set(bulls).size).toBe(7);
  });

  it("defaults to today in UTC for the console channel", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { stdout } = await cli("digest", "--json");
    const explicit = await cli("digest", "--date", today, "--channel", "console", "--json");
    // Around midnight UTC the two runs could straddle the date; compare only when they agree.
    if (JSON.parse(stdout).date === today) expect(stdout).toBe(explicit.stdout);
    else expect(JSON.parse(stdout).date > today).toBe(true);
  });

  it("prints the short post and then every full quote as readable text", async () => {
    const { code, stdout } = await cli("digest", "--date", "2025-06-01");
    const json = JSON.parse((await cli("digest", "--date", "2025-06-01", "--json")).stdout);
    expect(code).toBe(0);
    expect(stdout.startsWith(json.text)).toBe(true);
    for (const line of json.pair.bull.quote.split("\n")) expect(stdout).toContain(`> ${line}`);
    expect(stdout).toContain(`seeds/`);
  });

  it("refuses a date that is not YYYY-MM-DD, saying how to write it", async () => {
    const { code, stderr } = await cli("digest", "--date", "2025-02-30");
    expect(code).toBe(2);
    expect(stderr).toContain("give it as YYYY-MM-DD");
  });
});
