import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "../../src/server/http.ts";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe("the shared HTTP server", () => {
  it("routes by exact path, ignoring the query string", async () => {
    server = createHttpServer({ log: () => {} });
    server.route("/discord/interactions", (req, res) => res.end(`discord ${req.method}`));
    const port = await server.start(0, "127.0.0.1");
    const res = await fetch(`http://127.0.0.1:${port}/discord/interactions?x=1`, {
      method: "POST",
    });
    expect(await res.text()).toBe("discord POST");
    expect((await fetch(`http://127.0.0.1:${port}/discord`)).status).toBe(404);
  });

  it("answers 500 with a plain JSON error when a listener throws, and logs the cause", async () => {
    const logged: unknown[] = [];
    server = createHttpServer({ log: (_message, error) => logged.push(error) });
    server.route("/boom", () => {
      throw new Error("listener bug");
    });
    server.route("/async-boom", async () => {
      throw new Error("async listener bug");
    });
    const port = await server.start(0, "127.0.0.1");
    for (const path of ["/boom", "/async-boom"]) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ ok: false, error: "internal_error" });
    }
    expect(String(logged)).toContain("listener bug");
  });

  it("waits for shutdown drains, but no longer than its grace period", async () => {
    const logged: string[] = [];
    server = createHttpServer({ shutdownGraceMs: 50, log: (message) => logged.push(message) });
    server.onShutdown(() => new Promise(() => {}));
    await server.start(0, "127.0.0.1");
    await server.stop();
    expect(logged.join("\n")).toContain("closing anyway");
  });
});
