// What Discord may send to POST /discord/interactions, as zod schemas checked before any
// handler reads a field: PING (1), application commands (2), components (3), autocomplete
// (4) and modal submits (5). Everything the handlers read is required here with its type
// (`options` an array, an option `value` a string, number or boolean, permissions a
// decimal bit set...); fields nobody reads pass through. The gateway checks its
// INTERACTION_CREATE packets with the same schema (gateway.ts), so both receivers hand the
// one dispatch (interactions.ts) the same checked shape.
import { z } from "zod";
import { firstIssue } from "../../lib/first-issue.ts";

const text = z.string();
const snowflake = z.string().regex(/^\d{1,20}$/);
const optionValue = z.union([z.string(), z.number(), z.boolean()]);

/** A value option: the leaf of the option tree. */
const valueOption = z.looseObject({
  name: text,
  type: z.number().int(),
  value: optionValue.optional(),
  focused: z.boolean().optional(),
});
/** A subcommand holds value options; a subcommand group holds subcommands (Discord's limit). */
const subcommandOption = valueOption.extend({ options: z.array(valueOption).optional() });
const anyOption = valueOption.extend({
  options: z.array(z.union([subcommandOption, valueOption])).optional(),
});

/** The top-level options of a command, as both the HTTP payload and discord.js give them. */
const commandOptions = z.array(anyOption);
export type CommandOption = z.infer<typeof anyOption>;

const discordUser = z.looseObject({ id: snowflake, username: text.optional() });

const base = z.looseObject({
  id: text.optional(),
  application_id: text.optional(),
  /** Goes into the webhook URL path of the answer: URL-safe characters only. */
  token: z.string().regex(/^[\w.-]{1,1000}$/),
  channel_id: snowflake.optional(),
  /** The server: its settings (/thesis settings) are kept under this id. */
  guild_id: snowflake.optional(),
  member: z
    .looseObject({
      user: discordUser,
      permissions: z
        .string()
        .regex(/^\d{1,40}$/)
        .optional(),
    })
    .optional(),
  user: discordUser.optional(),
});

const commandData = z.looseObject({
  name: text,
  type: z.number().int().optional(),
  options: commandOptions.optional(),
  target_id: snowflake.optional(),
  resolved: z
    .looseObject({
      messages: z.record(z.string(), z.looseObject({ content: text.optional() })).optional(),
    })
    .optional(),
});

const ping = z.looseObject({ type: z.literal(1) });
const command = base.extend({ type: z.literal(2), data: commandData });
/** The message a button sits on: its flags say whether only the clicker sees it (64). */
const componentMessage = z.looseObject({
  id: snowflake,
  flags: z.number().int().nonnegative().optional(),
});
const component = base.extend({
  type: z.literal(3),
  data: z.looseObject({ custom_id: text, component_type: z.number().int().optional() }),
  message: componentMessage.optional(),
});
const autocomplete = base.extend({ type: z.literal(4), data: commandData });
/** A submitted modal: its text inputs' values, one action row each. */
const modalSubmit = base.extend({
  type: z.literal(5),
  data: z.looseObject({
    custom_id: text,
    components: z
      .array(
        z.looseObject({
          components: z.array(z.looseObject({ custom_id: text, value: text.optional() })),
        }),
      )
      .optional(),
  }),
});

export const interaction = z.discriminatedUnion("type", [
  ping,
  command,
  component,
  autocomplete,
  modalSubmit,
]);
export type Interaction = z.infer<typeof interaction>;

export type InteractionCheck =
  | { ok: true; interaction: Interaction }
  | { ok: false; reason: string };

/** Parses a signed body and checks it is an interaction; never throws. */
export function checkInteraction(raw: Buffer): InteractionCheck {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const checked = interaction.safeParse(body);
  if (checked.success) return { ok: true, interaction: checked.data };
  return { ok: false, reason: `not an interaction (${firstIssue(checked.error)})` };
}
