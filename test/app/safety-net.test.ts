// The process-level safety net, in a real child process: Node's default for an uncaught
// exception or an unhandled rejection is to exit; with the net installed the process logs
// each one and carries on (here: keeps answering HTTP), as `serve` must for a bad request.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { runNode } from "../integration/run-process.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const module = (file: string) => JSON.stringify(pathToFileURL(path.join(root, file)).href);

/** Throws and rejects without a handler, then serves one HTTP request and exits 0. */
const script = (withNet: boolean) => `
  const { createAppLog } = await import(${module("src/app/log.ts")});
  const { installSafetyNet } = await import(${module("src/app/safety-net.ts")});
  const { createServer } = await import("node:http");
  if (${withNet}) installSafetyNet(createAppLog("info", (line) => process.stderr.write(line)));
  setTimeout(() => { throw new Error("a listener bug"); });
  Promise.reject(new Error("a rejection nobody awaited"));
  const server = createServer((req, res) => res.end("still here"));
  server.listen(0, "127.0.0.1", async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await fetch("http://127.0.0.1:" + server.address().port + "/");
    process.stdout.write(await res.text());
    server.close();
  });
`;

function run(withNet: boolean) {
  return runNode(["--import", "tsx", "--input-type=module", "-e", script(withNet)], { cwd: root });
}

it("without the net, one unhandled rejection ends the process", async () => {
  const { code, stdout } = await run(false);
  expect(code).not.toBe(0);
  expect(stdout).toBe("");
});

it("with the net, both are logged as one line each and the process keeps serving", async () => {
  const { code, stdout, stderr } = await run(true);
  expect(stdout).toBe("still here");
  expect(code).toBe(0);
  expect(stderr).toContain(
    "error: Unhandled promise rejection (still serving): a rejection nobody awaited",
  );
  expect(stderr).toContain(
    "error: Uncaught exception (uncaughtException; still serving): a listener bug",
  );
});
