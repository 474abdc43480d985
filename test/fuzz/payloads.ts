// fast-check generators of request bodies for the edge fuzz suite. Two sources of shapes:
// arbitrary JSON (with the keys and strings Slack and Discord use, so that the generated
// values reach past the first type check), and real payloads with a few of their fields
// deleted or replaced by arbitrary JSON. Every body is signed validly by the suite, so the
// signature check lets all of them through to the parser.
import fc from "fast-check";
import { autocomplete, buttonClick, findSources, slashCommand } from "../fakes/discord-gateway.ts";

/** Field names and values the platforms use: arbitrary JSON made of these gets deeper. */
const KEYS = [
  "type",
  "event",
  "command",
  "text",
  "actions",
  "action_id",
  "block_id",
  "value",
  "payload",
  "ssl_check",
  "user",
  "user_id",
  "id",
  "team",
  "channel",
  "channel_id",
  "response_url",
  "callback_id",
  "message",
  "ts",
  "view",
  "challenge",
  "authorizations",
  "data",
  "options",
  "name",
  "focused",
  "token",
  "member",
  "permissions",
  "custom_id",
  "resolved",
  "__proto__",
  "constructor",
  "toString",
];
const WORDS = [
  "",
  "1",
  "app_mention",
  "event_callback",
  "block_actions",
  "block_suggestion",
  "message_action",
  "shortcut",
  "view_submission",
  "url_verification",
  "/thesis",
  "thesis_share",
  "thesis_next",
  "find_sources",
  "ask does distribution win",
  "help",
  "bullbear",
  "topic",
  "100000000000000004",
];

const key = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...KEYS));
const leaf = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(...WORDS),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON value, up to a few levels deep. */
export const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 6 }),
  ),
})).value;

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

interface Mutation {
  pick: number;
  replacement: { delete: true } | { value: unknown };
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  replacement: fc.oneof(
    fc.constant({ delete: true as const }),
    json.map((value) => ({ value })),
  ),
});

/** Applies each mutation to a copy of `template`: a field deleted or given another value. */
function mutate(template: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(template);
  for (const { pick, replacement } of mutations) {
    const paths = pathsOf(copy);
    const path = paths[pick % Math.max(1, paths.length)];
    if (!path) continue;
    let parent = copy as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    const last = path.at(-1) as string | number;
    if ("delete" in replacement) delete parent[last];
    else parent[last] = replacement.value;
  }
  return copy;
}

/** A real payload, mostly with one to three fields changed (sometimes none). */
function mutated(templates: unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...templates), fc.array(mutation, { maxLength: 3 }))
    .map(([template, mutations]) => mutate(template, mutations));
}

export interface SlackTemplates {
  responseUrl: string;
}

function slackJsonTemplates(responseUrl: string) {
  const user = { id: "U1", name: "ann", team_id: "T1" };
  const team = { id: "T1", domain: "fake" };
  const mention = {
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: "Ev1",
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: { type: "app_mention", user: "U1", text: "<@UBOT> why", ts: "1.2", channel: "C1" },
  };
  const button = {
    type: "block_actions",
    team,
    user,
    channel: { id: "C1" },
    container: { channel_id: "C1" },
    response_url: responseUrl,
    actions: [{ type: "button", action_id: "thesis_share", block_id: "b", value: "help" }],
  };
  const shortcut = {
    type: "message_action",
    callback_id: "find_sources",
    trigger_id: "1.2.3",
    team,
    user,
    channel: { id: "C1" },
    message: { ts: "1.2", text: "why does distribution win" },
    response_url: responseUrl,
  };
  const suggestion = {
    type: "block_suggestion",
    user,
    team,
    action_id: "a",
    block_id: "b",
    value: "v",
  };
  const view = { type: "view_submission", user, team, view: { id: "V1", callback_id: "x" } };
  const verification = { type: "url_verification", challenge: "c", token: "legacy" };
  return { events: [mention, verification], payloads: [button, shortcut, suggestion, view] };
}

/** JSON bodies as the Events API sends them. */
export function slackEventBody(responseUrl: string): fc.Arbitrary<string> {
  const { events } = slackJsonTemplates(responseUrl);
  return fc
    .oneof(
      json,
      mutated(events),
      json.map((event) => ({ ...events[0], event })),
    )
    .map((value) => JSON.stringify(value) ?? "null");
}

/** Form bodies as slash commands send them: fields dropped, changed, repeated or added. */
export function slackCommandBody(responseUrl: string): fc.Arbitrary<string> {
  const fields: Record<string, string> = {
    command: "/thesis",
    text: "help",
    user_id: "U1",
    user_name: "ann",
    channel_id: "C1",
    team_id: "T1",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  };
  const change = fc.tuple(
    fc.constantFrom(...Object.keys(fields), "payload", "ssl_check"),
    fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 30 }),
      fc.constantFrom(...WORDS),
      fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 3 }),
    ),
  );
  return fc.array(change, { maxLength: 3 }).map((changes) => {
    const form = new URLSearchParams(fields);
    for (const [name, value] of changes) {
      form.delete(name);
      for (const one of value === undefined ? [] : [value].flat()) form.append(name, one);
    }
    return form.toString();
  });
}

/** Form bodies with a JSON `payload=` as interactivity (buttons, shortcuts...) sends them. */
export function slackPayloadBody(responseUrl: string): fc.Arbitrary<string> {
  const { payloads } = slackJsonTemplates(responseUrl);
  return fc
    .oneof(json, mutated(payloads))
    .map((value) => new URLSearchParams({ payload: JSON.stringify(value) ?? "null" }).toString());
}

/** Interaction bodies of every type, as Discord POSTs them. */
export function discordBody(): fc.Arbitrary<string> {
  const modal = { ...buttonClick("th|x|0|k"), type: 5 };
  const templates = [
    { type: 1, id: "1", application_id: "2" },
    slashCommand("ask", { question: "why does distribution win" }),
    slashCommand("bullbear", { topic: "tao" }),
    autocomplete("bullbear", "topic", "ta"),
    buttonClick("th|share|0|1"),
    findSources("does distribution win").interaction,
    modal,
  ];
  return fc.oneof(json, mutated(templates)).map((value) => JSON.stringify(value) ?? "null");
}
