// What may import what, enforced with dependency-cruiser over src/ and commands/ (the rules
// are in .dependency-cruiser.cjs, today's exceptions in known-violations.ts), plus what an
// import graph cannot show: the core reads no environment variable.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { type KnownViolation, knownFolderCycles, knownViolations } from "./known-violations.ts";

const config = createRequire(import.meta.url)(path.join(PACKAGE_ROOT, ".dependency-cruiser.cjs"));

let graph: ICruiseResult;
beforeAll(async () => {
  const previous = process.cwd();
  process.chdir(PACKAGE_ROOT);
  try {
    const { output } = await cruise(
      ["src", "commands"],
      { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } },
      {},
      { tsConfig: { fileName: path.join(PACKAGE_ROOT, "tsconfig.json") } },
    );
    graph = output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}, 60_000);

const isKnown = (v: IViolation) => (k: KnownViolation) =>
  k.rule === v.rule.name && k.from === v.from && v.to.startsWith(k.to);

/** The top-level part a file belongs to: a folder of src/ (or a file directly in it), or commands. */
function topLevel(file: string): string | null {
  const parts = file.split("/");
  if (parts[0] === "commands") return "commands";
  if (parts[0] === "src") return parts.length > 2 ? `src/${parts[1]}` : file;
  return null;
}

/** Strongly connected components of more than one node (Tarjan), each sorted. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("architecture boundaries", () => {
  it("cruises the whole of src/ and commands/", () => {
    const files = graph.modules.map((m) => m.source);
    expect(files).toContain("src/main.ts");
    expect(files).toContain("src/adapters/slack/index.ts");
    expect(files).toContain("commands/dispatch.ts");
    // An SDK import is seen, so the SDK rules have something to hold.
    const slack = graph.modules.find((m) => m.source === "src/adapters/slack/index.ts");
    // (A worktree may reach node_modules through a symlink: "../main/node_modules/@slack/…".)
    expect(slack?.dependencies.some((d) => /(^|\/)node_modules\/@slack\//.test(d.resolved))).toBe(
      true,
    );
  });

  it("breaks no rule beyond the listed known violations", () => {
    const unlisted = graph.summary.violations
      .filter((v) => !knownViolations.some(isKnown(v)))
      .map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(unlisted).toEqual([]);
  });

  it("lists no known violation that is already gone", () => {
    const stale = knownViolations
      .filter((k) => !graph.summary.violations.some((v) => isKnown(v)(k)))
      .map((k) => `${k.rule}: ${k.from} -> ${k.to}`);
    expect(stale).toEqual([]);
  });

  it("has no cycle between the top-level folders of src/ and commands/ beyond the listed ones", () => {
    const edges = new Map<string, Set<string>>();
    for (const module of graph.modules) {
      const from = topLevel(module.source);
      if (!from) continue;
      for (const dependency of module.dependencies) {
        const to = topLevel(dependency.resolved);
        if (!to || to === from) continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const found = cycles(edges).map((c) => c.join(" <-> "));
    const known = knownFolderCycles.map((c) => [...c.folders].sort().join(" <-> "));
    expect(found.sort()).toEqual(known.sort());
  });

  it("finds a cycle when there is one (the check is not vacuous)", () => {
    const edges = new Map([
      ["src/a", new Set(["src/b"])],
      ["src/b", new Set(["src/c"])],
      ["src/c", new Set(["src/a"])],
      ["src/d", new Set(["src/a"])],
    ]);
    expect(cycles(edges)).toEqual([["src/a", "src/b", "src/c"]]);
  });

  for (const folder of ["corpus", "search", "answer", "reply"]) {
    it(`src/${folder} reads no environment variable`, () => {
      const offenders = readdirSync(path.join(PACKAGE_ROOT, "src", folder), { recursive: true })
        .map(String)
        .filter((file) => file.endsWith(".ts"))
        .filter((file) =>
          /\bprocess\.env\b/.test(
            readFileSync(path.join(PACKAGE_ROOT, "src", folder, file), "utf8"),
          ),
        );
      expect(offenders).toEqual([]);
    });
  }
});
