// Broken dependencies at start-up, as an operator meets them: Redis not listening, a SQLite
// file that is not a database (the store's, the model cache's). Each is one sentence naming
// what to fix, exit 1, within seconds, and no unhandled rejection (vitest fails on one).

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApp } from "../../src/app/run.ts";
import { openModelCache } from "../../src/llm/persistent-cache.ts";
import { createStore, SQLITE_FILE_NAME } from "../../src/store/index.ts";
import { runCliCapturing } from "../cli/capture.ts";
import { freePort } from "../fakes/own-redis.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/slack-api.ts";
import { appIo } from "./app-io.ts";
import { slackServeEnv } from "./serve-env.ts";

let dataDir: string;
let closedRedis: string;
let fake: FakeSlackApi | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-deps-"));
  closedRedis = `redis://127.0.0.1:${await freePort()}`;
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

const NOT_A_DATABASE = "This is not a SQLite file; it was overwritten by something else.\n".repeat(
  80,
);
const oneSentence = (log: string) => log.trim().split("\n");

async function slackEnv() {
  fake = await startFakeSlackApi();
  return slackServeEnv(fake.apiUrl);
}

describe("Redis unreachable at start (REDIS_URL at a closed port)", () => {
  it("the console says so in one sentence naming REDIS_URL, within 5 s, and exits 1", async () => {
    const run = appIo({ DATA_DIR: dataDir, REDIS_URL: closedRedis });
    const started = performance.now();
    expect(await runApp(run.app)).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(oneSentence(run.log())).toEqual([
      `error: thesis-bot could not start. Could not reach Redis at REDIS_URL (${closedRedis}) within 3 s (connection refused): start Redis there, or unset REDIS_URL to keep state in SQLite under DATA_DIR.`,
    ]);
  });

  it("never prints the password in REDIS_URL, and explains a URL that is not Redis's", async () => {
    const secret = closedRedis.replace("redis://", "redis://:hunter2@");
    const withPassword = appIo({ DATA_DIR: dataDir, REDIS_URL: secret });
    expect(await runApp(withPassword.app)).toBe(1);
    expect(withPassword.log()).toContain("redis://:***@127.0.0.1:");
    expect(withPassword.log()).not.toContain("hunter2");

    const http = appIo({ DATA_DIR: dataDir, REDIS_URL: "http://127.0.0.1:6379" });
    expect(await runApp(http.app)).toBe(1);
    expect(oneSentence(http.log())).toEqual([
      expect.stringMatching(
        /^error: thesis-bot could not start\. REDIS_URL \(http:\/\/127\.0\.0\.1:6379\/?\) is not a Redis URL \(Invalid protocol\): write it as redis:\/\/host:6379/,
      ),
    ]);
  });

  it("serve says so before opening its port, within 5 s, and exits 1", async () => {
    const run = appIo(
      { DATA_DIR: dataDir, REDIS_URL: closedRedis, ...(await slackEnv()) },
      "serve",
    );
    const started = performance.now();
    expect(await runApp(run.app)).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(run.log()).toContain("Could not reach Redis at REDIS_URL");
    expect(run.log()).not.toContain("listening on");
  });

  it("`serve --json` prints the failure as a JSON error document", async () => {
    const env = { DATA_DIR: dataDir, REDIS_URL: closedRedis, ...(await slackEnv()) };
    const { code, stdout } = await runCliCapturing(["serve", "--json"], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      error: { code: "REDIS_UNAVAILABLE", message: expect.stringContaining("REDIS_URL") },
    });
  });

  it("a CLI command that uses Redis (the model cache of eval --mode hybrid) fails the same way", async () => {
    const env = {
      DATA_DIR: dataDir,
      REDIS_URL: closedRedis,
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      OPENAI_MODEL: "m",
      OPENAI_EMBEDDING_MODEL: "e",
    };
    const beir = path.resolve("test/fixtures/beir-search");
    const started = performance.now();
    const { code, stdout, stderr } = await runCliCapturing(
      ["eval", "--beir", beir, "--mode", "hybrid", "--json"],
      env,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error.code).toBe("REDIS_UNAVAILABLE");
    expect(oneSentence(stderr)).toHaveLength(1);
  });
});

describe("a SQLite file that is not a database (SQLITE_NOTADB)", () => {
  it("the store refuses to open, naming the file and saying to move it aside", async () => {
    const file = path.join(dataDir, SQLITE_FILE_NAME);
    await writeFile(file, NOT_A_DATABASE);
    await expect(createStore({ dataDir })).rejects.toThrow(
      `${file} (the store of settings and digest subscriptions) is not a SQLite database (SQLITE_NOTADB): move it aside`,
    );
  });

  it("the console and serve stop with that one sentence and exit 1", async () => {
    await writeFile(path.join(dataDir, SQLITE_FILE_NAME), NOT_A_DATABASE);
    const consoleRun = appIo({ DATA_DIR: dataDir });
    expect(await runApp(consoleRun.app)).toBe(1);
    expect(oneSentence(consoleRun.log())).toHaveLength(1);
    expect(consoleRun.log()).toMatch(/thesis-bot\.sqlite .*SQLITE_NOTADB\): move it aside/);

    const serveRun = appIo({ DATA_DIR: dataDir, ...(await slackEnv()) }, "serve");
    expect(await runApp(serveRun.app)).toBe(1);
    expect(serveRun.log()).toMatch(/thesis-bot\.sqlite .*SQLITE_NOTADB\): move it aside/);
    expect(serveRun.log()).not.toContain("listening on");
  });

  it("the model cache likewise, whether opened by the bot or by the CLI", async () => {
    const file = path.join(dataDir, "model-cache.sqlite");
    await writeFile(file, NOT_A_DATABASE);
    await expect(openModelCache({ dataDir })).rejects.toThrow(
      `${file} (the model cache) is not a SQLite database (SQLITE_NOTADB): move it aside, for example to ${file}.broken`,
    );
    const model = {
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      OPENAI_MODEL: "m",
      OPENAI_EMBEDDING_MODEL: "e",
    };
    const run = appIo({ DATA_DIR: dataDir, ...model });
    expect(await runApp(run.app)).toBe(1);
    expect(run.log()).toContain("(the model cache) is not a SQLite database");
    const beir = path.resolve("test/fixtures/beir-search");
    const cli = await runCliCapturing(["eval", "--beir", beir, "--mode", "hybrid", "--json"], {
      DATA_DIR: dataDir,
      ...model,
    });
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout).error).toEqual({
      code: "SQLITE_UNREADABLE",
      message: expect.stringContaining(file),
    });
  });
});
