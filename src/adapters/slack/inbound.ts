// What Slack may send to POST /slack/events, as zod schemas checked at the edge (edge.ts)
// before Bolt sees a body. Bolt trusts the shape of what it is given (`body.ssl_check` on a
// `null` body, `'channel' in event` on a string, `payload.action_id.match` on a number...),
// so anything it or our handlers read is required here with its type; fields nobody reads
// pass through. Bodies are parsed as Bolt's HTTPReceiver parses them (form data, with the
// interactivity JSON in `payload`, or JSON), and Bolt is given the parsed body as it is.
import { parse as parseQuery } from "node:querystring";
import { z } from "zod";
import { firstIssue } from "../../lib/first-issue.ts";

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

const text = z.string();
const optionalText = z.string().optional();
/**
 * A workspace or organisation id as Slack writes them ("T0123ABCD", "E0123ABCD"). Bolt keys a
 * plain object by these ids, so "constructor" or "__proto__" would reach Object.prototype
 * ("pool.getOrCreate is not a function", found by the fuzz suite).
 */
const workspaceId = z.string().regex(/^[A-Z0-9]{1,64}$/, "is not a Slack id");
const optionalWorkspaceId = workspaceId.optional();
/** `team` is null for org-wide installs; `enterprise` outside Enterprise Grid. */
const team = z
  .union([z.looseObject({ id: workspaceId, enterprise_id: optionalWorkspaceId }), z.null()])
  .optional();
const enterprise = z.union([z.looseObject({ id: workspaceId }), z.null()]).optional();
const user = z.looseObject({ id: text, name: optionalText, team_id: optionalWorkspaceId });
const channel = z.looseObject({ id: text, name: optionalText });
/** Where respond() posts the answer; Slack's are https://hooks.slack.com/... */
const responseUrl = z.url({ protocol: /^https?$/ });

const slashCommand = z.looseObject({
  command: text,
  text: optionalText,
  user_id: text,
  user_name: optionalText,
  channel_id: text,
  team_id: optionalWorkspaceId,
  enterprise_id: optionalWorkspaceId,
  is_enterprise_install: optionalText,
  response_url: responseUrl,
  trigger_id: optionalText,
});

const event = z.looseObject({
  type: text,
  user: z.union([text, z.looseObject({ id: text })]).optional(),
  channel: z.union([text, z.looseObject({ id: optionalText, creator: optionalText })]).optional(),
  channel_id: optionalText,
  item: z.looseObject({ channel: optionalText }).optional(),
  subteam: z.looseObject({ created_by: optionalText }).optional(),
  text: optionalText,
  ts: optionalText,
  thread_ts: optionalText,
  bot_id: optionalText,
  subtype: optionalText,
});

/** The one event the bot answers: it reads the text, channel and ts. */
const appMention = event.extend({ type: z.literal("app_mention"), text, channel: text, ts: text });

const eventCallback = z.looseObject({
  type: text,
  event_id: optionalText,
  team_id: optionalWorkspaceId,
  enterprise_id: workspaceId.nullable().optional(),
  is_enterprise_install: z.boolean().optional(),
  authorizations: z
    .array(
      z.looseObject({
        team_id: workspaceId.nullable().optional(),
        enterprise_id: workspaceId.nullable().optional(),
        user_id: optionalText,
        is_bot: z.boolean().optional(),
        is_enterprise_install: z.boolean().optional(),
      }),
    )
    .optional(),
  event: z.union([appMention, event.refine((e) => e.type !== "app_mention")]),
});

const blockActions = z.looseObject({
  type: z.literal("block_actions"),
  user,
  team,
  enterprise,
  channel: channel.optional(),
  container: z.looseObject({ channel_id: optionalText }).optional(),
  /** Our buttons are only ever on messages, whose clicks always carry one; respond() needs it. */
  response_url: responseUrl,
  actions: z
    .array(z.looseObject({ type: text, action_id: text, block_id: text, value: optionalText }))
    .min(1),
});

const blockSuggestion = z.looseObject({
  type: z.literal("block_suggestion"),
  user,
  team,
  enterprise,
  channel: channel.optional(),
  action_id: text,
  block_id: text,
  value: text,
});

const globalShortcut = z.looseObject({
  type: z.literal("shortcut"),
  callback_id: text,
  trigger_id: text,
  user,
  team,
  enterprise,
});

const messageShortcut = globalShortcut.extend({
  type: z.literal("message_action"),
  channel,
  message: z.looseObject({ ts: text, text: optionalText, thread_ts: optionalText }),
  response_url: responseUrl,
});

const viewAction = z.looseObject({
  type: z.enum(["view_submission", "view_closed"]),
  user,
  team,
  enterprise,
  view: z.looseObject({
    id: optionalText,
    callback_id: optionalText,
    private_metadata: optionalText,
    state: z
      .looseObject({
        values: z.record(
          z.string(),
          z.record(z.string(), z.looseObject({ value: z.union([text, z.null()]).optional() })),
        ),
      })
      .optional(),
  }),
});

const urlVerification = z.looseObject({ type: z.literal("url_verification"), challenge: text });

/** Each kind as Bolt tells them apart (helpers.getTypeAndConversation), in the same order. */
const KINDS = [
  { kind: "ssl_check", is: (b: Body) => b.ssl_check === "1", schema: z.looseObject({}) },
  {
    kind: "url_verification",
    is: (b: Body) => b.type === "url_verification",
    schema: urlVerification,
  },
  { kind: "event", is: (b: Body) => b.event !== undefined, schema: eventCallback },
  { kind: "command", is: (b: Body) => b.command !== undefined, schema: slashCommand },
  {
    kind: "options",
    is: (b: Body) => b.name !== undefined || b.type === "block_suggestion",
    schema: blockSuggestion,
  },
  {
    kind: "action",
    is: (b: Body) => b.actions !== undefined || b.type === "dialog_submission",
    schema: blockActions,
  },
  {
    kind: "shortcut",
    is: (b: Body) => b.type === "shortcut" || b.type === "message_action",
    schema: z.union([globalShortcut, messageShortcut]),
  },
  {
    kind: "view",
    is: (b: Body) => b.type === "view_submission" || b.type === "view_closed",
    schema: viewAction,
  },
] as const;

type Body = Record<string, unknown>;
export type SlackBodyKind = (typeof KINDS)[number]["kind"];
export type SlackInbound =
  | { ok: true; kind: SlackBodyKind; body: Body }
  | { ok: false; reason: string };

/** The media type alone ("application/x-www-form-urlencoded; charset=utf-8" -> the type). */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Parses a body as Bolt does and checks it is something Slack sends; never throws. */
export function checkSlackBody(raw: Buffer, contentType: string | undefined): SlackInbound {
  let body: unknown;
  try {
    const source = raw.toString("utf8");
    if (mediaType(contentType) === FORM_CONTENT_TYPE) {
      const fields = parseQuery(source);
      body = typeof fields.payload === "string" ? JSON.parse(fields.payload) : fields;
    } else {
      body = JSON.parse(source);
    }
  } catch {
    return { ok: false, reason: "the body is not JSON or form data" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, reason: `the body is ${Array.isArray(body) ? "an array" : String(body)}` };
  }
  const fields = body as Body;
  const known = KINDS.find((k) => k.is(fields));
  if (!known) return { ok: false, reason: "not a kind of request Slack sends" };
  const checked = known.schema.safeParse(fields);
  if (!checked.success) return { ok: false, reason: `${known.kind}: ${firstIssue(checked.error)}` };
  return { ok: true, kind: known.kind, body: fields };
}
