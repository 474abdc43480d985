// The digest lives in src/digest: the answer layer it is built on does not import it back, and
// it imports nothing from the layers that use it (commands, app, adapters), so no folders
// form a cycle through it. Outside it only the /thesis subcommand and the CLI's flags remain.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(PACKAGE_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.relative(PACKAGE_ROOT, path.join(e.parentPath, e.name)));
}

/** The repository folders a file imports from, e.g. "src/answer" or "commands". */
function importedFolders(file: string): string[] {
  const text = readFileSync(path.join(PACKAGE_ROOT, file), "utf8");
  const specifiers = [...text.matchAll(/from\s+["'](\.[^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.map((specifier) => {
    const target = path.relative(
      PACKAGE_ROOT,
      path.resolve(PACKAGE_ROOT, path.dirname(file), specifier),
    );
    const parts = target.split(path.sep);
    return parts[0] === "src" ? parts.slice(0, 2).join("/") : (parts[0] ?? "");
  });
}

describe("the digest folder", () => {
  it("is not imported by src/answer", () => {
    const offenders = sourceFiles("src/answer").filter((file) =>
      importedFolders(file).includes("src/digest"),
    );
    expect(offenders).toEqual([]);
  });

  it("imports nothing from commands, src/app or src/adapters", () => {
    const offenders = sourceFiles("src/digest").filter((file) =>
      importedFolders(file).some((f) => ["commands", "src/app", "src/adapters"].includes(f)),
    );
    expect(offenders).toEqual([]);
  });

  it("holds every digest file but the subcommand and the CLI's flags", () => {
    const outside = [...sourceFiles("src"), ...sourceFiles("commands")].filter(
      (file) => /digest/i.test(path.basename(file)) && !file.startsWith(`src${path.sep}digest`),
    );
    expect(outside.sort()).toEqual([
      path.join("commands", "digest.ts"),
      path.join("src", "cli", "digest-command.ts"),
    ]);
  });

  it("sees the import check work: src/digest does import src/answer", () => {
    expect(sourceFiles("src/digest").some((f) => importedFolders(f).includes("src/answer"))).toBe(
      true,
    );
  });
});
