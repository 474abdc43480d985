// Requests that once took `serve` down, and the other refusals the edge owes: each is
// validly signed (or deliberately not), sent over real HTTP to the shared server with both
// adapters mounted, and must get a 4xx answer and leave the server answering normal requests.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { autocomplete } from "../fakes/discord-gateway.ts";
import { type EdgeRig, startEdgeRig } from "./edge-rig.ts";

let rig: EdgeRig;
beforeAll(async () => {
  rig = await startEdgeRig();
});
afterAll(async () => {
  await rig?.close();
});
afterEach(async () => {
  // Whatever the request was, the process is alive, healthy and still answering.
  expect(rig.crashes).toEqual([]);
  expect((await rig.request("/healthz")).status).toBe(200);
  expect(rig.errors).toEqual([]);
});

/** An autocomplete interaction whose /thesis option tree is replaced by `options`. */
function autocompleteWith(options: unknown, focusedValue?: unknown) {
  const interaction = autocomplete("bullbear", "topic", "tao");
  const data = interaction.data as { options: { options: { value: unknown }[] }[] };
  if (focusedValue !== undefined) {
    data.options[0]!.options[0]!.value = focusedValue;
    return interaction;
  }
  return { ...interaction, data: { ...data, options } };
}

describe("the five payloads that crashed serve (issue 12)", () => {
  it("Slack: a signed JSON body of `null` gets 400", async () => {
    const answer = await rig.slack("null", { contentType: "application/json" });
    expect(answer.status).toBe(400);
    expect(rig.debug.at(-1)).toContain("the body is null");
    await rig.slackStillAnswers();
  });

  it("Slack: a signed form body `payload=null` gets 400", async () => {
    const answer = await rig.slack("payload=null");
    expect(answer.status).toBe(400);
    await rig.slackStillAnswers();
  });

  it("Discord: autocomplete with a non-array `options` gets 400", async () => {
    const answer = await rig.discord(JSON.stringify(autocompleteWith({ 0: { type: 1 } })));
    expect(answer.status).toBe(400);
    expect(rig.debug.at(-1)).toMatch(/refused an interaction request with 400 .*options/);
    await rig.discordStillAnswers();
  });

  it("Discord: autocomplete with `options: 5` gets 400", async () => {
    expect((await rig.discord(JSON.stringify(autocompleteWith(5)))).status).toBe(400);
    const nested = [{ type: 1, name: "bullbear", options: 5 }];
    expect((await rig.discord(JSON.stringify(autocompleteWith(nested)))).status).toBe(400);
    await rig.discordStillAnswers();
  });

  it("Discord: autocomplete whose focused `value` is not a string gets 400", async () => {
    // {"toString": 1} is what made String(value) throw.
    for (const value of [{ toString: 1 }, ["tao"], null]) {
      const answer = await rig.discord(JSON.stringify(autocompleteWith(undefined, value)));
      expect(answer.status).toBe(400);
    }
    await rig.discordStillAnswers();
  });
});

describe("other shapes the edge refuses", () => {
  it("Slack: arrays, numbers, strings and mis-typed fields get 400, never a 500", async () => {
    const json = { contentType: "application/json" };
    for (const body of ["[]", "5", '"hi"', "{", '{"event":null}', '{"event":"x"}']) {
      expect((await rig.slack(body, json)).status, body).toBe(400);
    }
    const mistyped = [
      "payload=5",
      'payload={"type":"block_actions","user":{"id":"U1"},"actions":[]}',
      'payload={"type":"block_actions","user":null,"actions":[{"type":"button"}]}',
      'payload={"type":"message_action","callback_id":"find_sources"}',
      "command=/thesis&text=a&text=b&user_id=U1&channel_id=C1&response_url=http://x.test/",
      "command=/thesis&user_id=U1&channel_id=C1&response_url=file:///etc/passwd",
    ];
    for (const body of mistyped) expect((await rig.slack(body)).status, body).toBe(400);
    await rig.slackStillAnswers();
  });

  it("Slack: a workspace id that is not a Slack id ('constructor', '__proto__') gets 400", async () => {
    // Bolt keys its client pools by team id on a plain object; the fuzz suite found that
    // "toString" there reached Object.prototype and failed every such request with a TypeError.
    for (const id of ["constructor", "__proto__", "toString", "t1"]) {
      const command = `command=/thesis&text=help&user_id=U1&channel_id=C1&team_id=${id}&response_url=http://127.0.0.1:9/`;
      expect((await rig.slack(command)).status, id).toBe(400);
      const event = {
        type: "event_callback",
        team_id: id,
        event: { type: "app_mention", text: "hi", channel: "C1", ts: "1.0" },
      };
      expect(
        (await rig.slack(JSON.stringify(event), { contentType: "application/json" })).status,
        id,
      ).toBe(400);
    }
    await rig.slackStillAnswers();
  });

  it("Slack: a well-formed request no listener takes is acknowledged at once, not held 3 s", async () => {
    const started = Date.now();
    const other = "command=/other&user_id=U1&channel_id=C1&response_url=http://x.test/";
    expect((await rig.slack(other)).status).toBe(200);
    const suggestion = {
      type: "block_suggestion",
      user: { id: "U1" },
      team: null,
      action_id: "a",
      block_id: "b",
      value: "v",
    };
    const payload = `payload=${encodeURIComponent(JSON.stringify(suggestion))}`;
    expect((await rig.slack(payload)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("Slack: URL verification gets its challenge back; the unsigned SSL check gets 200", async () => {
    const verification = JSON.stringify({ type: "url_verification", challenge: "abc", token: "t" });
    const answer = await rig.slack(verification, { contentType: "application/json" });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ challenge: "abc" });
    const check = await rig.slack("ssl_check=1&token=t", { signed: false });
    expect(check.status).toBe(200);
    expect(check.text).toBe("");
  });

  it("Slack: form data sent with a charset is still read as form data", async () => {
    const body = "command=/other&user_id=U1&channel_id=C1&response_url=http://x.test/";
    const answer = await rig.slack(body, {
      contentType: "application/x-www-form-urlencoded; charset=utf-8",
    });
    expect(answer.status).toBe(200);
  });

  it("Discord: unknown interaction types, a bad token or bad permissions get 400", async () => {
    const base = autocomplete("bullbear", "topic", "tao");
    for (const body of [
      { ...base, type: 99 },
      { ...base, token: "../../channels/1/messages" },
      { ...base, member: { ...base.member, permissions: "lots" } },
      { type: 2, token: "t" },
    ]) {
      expect((await rig.discord(JSON.stringify(body))).status).toBe(400);
    }
  });
});

describe("timestamps and methods", () => {
  it("Slack: a correctly signed request stamped over 5 minutes in the future gets 401", async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const body = "command=/thesis&text=ask&user_id=U1&channel_id=C1&response_url=http://x.test/";
    const answer = await rig.slack(body, { timestamp: inAnHour });
    expect(answer.status).toBe(401);
    expect(rig.debug.at(-1)).toContain("signature future");
    const inFourMinutes = Math.floor(Date.now() / 1000) + 240;
    const other = "command=/other&user_id=U1&channel_id=C1&response_url=http://x.test/";
    expect((await rig.slack(other, { timestamp: inFourMinutes })).status).toBe(200);
  });

  it("Discord: a correctly signed request stamped over 5 minutes in the future gets 401", async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    expect((await rig.discord('{"type":1}', { timestamp: inAnHour })).status).toBe(401);
  });

  it("GET, PUT and DELETE on both endpoints answer 405 with Allow: POST", async () => {
    for (const path of ["/slack/events", "/discord/interactions"]) {
      for (const method of ["GET", "PUT", "DELETE"]) {
        const answer = await rig.request(path, { method });
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.get("allow")).toBe("POST");
      }
    }
  });

  it("Slack: an unsigned request gets 401 even when its body is malformed", async () => {
    expect((await rig.slack("null", { signed: false })).status).toBe(401);
  });
});
