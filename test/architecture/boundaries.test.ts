// The core (corpus, search, answer, reply) knows nothing of Discord, Slack, models or the
// environment; only src/llm talks to the model client. These fail the day that changes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const PLATFORM =
  /from\s+["'](?:discord\.js|@discordjs\/[^"']+|@slack\/[^"']+|openai)["']|import\(["'](?:discord\.js|@slack\/[^"']+|openai)["']\)/;
const ENV = /\bprocess\.env\b/;

describe("architecture boundaries", () => {
  for (const folder of ["corpus", "search", "answer", "reply"]) {
    it(`src/${folder} imports no platform SDK or model client and reads no environment`, () => {
      const offenders = sourceFiles(path.join(PACKAGE_ROOT, "src", folder)).filter((file) => {
        const text = readFileSync(file, "utf8");
        return PLATFORM.test(text) || ENV.test(text);
      });
      expect(offenders.map((f) => path.relative(PACKAGE_ROOT, f))).toEqual([]);
    });
  }

  it("only src/llm imports the openai package", () => {
    const offenders = [
      ...sourceFiles(path.join(PACKAGE_ROOT, "src")),
      ...sourceFiles(path.join(PACKAGE_ROOT, "commands")),
    ]
      .filter((file) => !file.includes(`${path.sep}llm${path.sep}`))
      .filter((file) => /from\s+["']openai["']/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("commands/ stay platform-neutral too", () => {
    const offenders = sourceFiles(path.join(PACKAGE_ROOT, "commands")).filter((file) =>
      PLATFORM.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
