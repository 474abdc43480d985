// Fuzzing the request edge: validly signed Slack requests (JSON events, form-encoded slash
// commands, `payload=` interactivity) and Ed25519-signed Discord interactions of arbitrary
// shapes, sent over real HTTP to the shared server with both real adapters mounted
// (edge-rig.ts). Every request must get an answer below 500 and nothing may escape as an
// unhandled rejection or uncaught exception; after each batch the server must still answer
// /healthz and a normal Slack command and Discord PING and autocomplete.
//
// `npm run check` runs FUZZ_RUNS=300 cases (a few seconds); `FUZZ_RUNS=10000 npx vitest run
// test/fuzz` is the long run. FUZZ_SEED replays a failing run (fast-check prints the seed).
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type EdgeAnswer, type EdgeRig, startEdgeRig } from "../integration/edge-rig.ts";
import { discordBody, slackCommandBody, slackEventBody, slackPayloadBody } from "./payloads.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const BATCH = 100;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Answers a valid or invalid request may get; a 5xx or no answer at all is a failure. */
const EXPECTED = new Set([200, 400]);

let rig: EdgeRig;
beforeAll(async () => {
  rig = await startEdgeRig();
});
afterAll(async () => {
  await rig?.close();
});

type Case = { platform: "slack" | "discord"; kind: string; body: string };

function cases(responseUrl: string): fc.Arbitrary<Case> {
  const slack = (kind: string, body: fc.Arbitrary<string>) =>
    body.map((text): Case => ({ platform: "slack", kind, body: text }));
  return fc.oneof(
    slack("event", slackEventBody(responseUrl)),
    slack("command", slackCommandBody(responseUrl)),
    slack("payload", slackPayloadBody(responseUrl)),
    discordBody().map((body): Case => ({ platform: "discord", kind: "interaction", body })),
  );
}

function send(one: Case): Promise<EdgeAnswer> {
  if (one.platform === "discord") return rig.discord(one.body);
  return rig.slack(one.body, {
    contentType: one.kind === "event" ? "application/json" : "application/x-www-form-urlencoded",
  });
}

it(`survives ${RUNS} validly signed requests of arbitrary shape`, {
  timeout: 30_000 + RUNS * 100,
}, async () => {
  const seen = new Map<string, number>();
  const generator = cases(rig.slackApi.responseUrl("fuzz"));
  for (let done = 0; done < RUNS; done += BATCH) {
    const numRuns = Math.min(BATCH, RUNS - done);
    await fc.assert(
      fc.asyncProperty(generator, async (one) => {
        const answer = await send(one);
        const tally = `${one.platform} ${one.kind} ${answer.status}`;
        seen.set(tally, (seen.get(tally) ?? 0) + 1);
        expect(EXPECTED, `${one.platform} ${one.kind}: ${one.body}`).toContain(answer.status);
        expect(rig.crashes).toEqual([]);
      }),
      { numRuns, ...(SEED === undefined ? {} : { seed: SEED + done }) },
    );
    expect((await rig.request("/healthz")).status).toBe(200);
    await rig.slackStillAnswers();
    await rig.discordStillAnswers();
  }
  expect(rig.crashes).toEqual([]);
  // Nothing the edge let through may break a handler: no 500s, no type errors in the log.
  const broken = rig.errors.filter((line) =>
    /HTTP listener failed|TypeError|RangeError/.test(line),
  );
  expect(broken).toEqual([]);
  const total = [...seen.values()].reduce((sum, n) => sum + n, 0);
  expect(total).toBeGreaterThanOrEqual(RUNS);
  if (process.env.FUZZ_RUNS) {
    const lines = [...seen].sort().map(([tally, n]) => `  ${tally}: ${n}`);
    console.log(`fuzz: ${total} cases, 0 crashes\n${lines.join("\n")}`);
  }
});
