// Derives Discord's slash-command option JSON from a subcommand's zod options, so commands
// are declared once (commands/) and Discord's registration can never drift from validation.
import type { z } from "zod";
import type { SubcommandDefinition } from "../../../commands/types.ts";
import { clip } from "../../lib/text.ts";

/** Discord application command option types used here. */
export const OptionType = { Subcommand: 1, String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;

export interface DiscordCommandOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
  options?: DiscordCommandOption[];
}

interface ZodIntrospection {
  def: { type: string; innerType?: ZodIntrospection; in?: ZodIntrospection };
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
  options?: readonly (string | number)[];
}

/** Peels optional/default/nullable/pipe wrappers; reports whether a value may be left out. */
function unwrap(schema: ZodIntrospection): { inner: ZodIntrospection; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (let depth = 0; depth < 10; depth++) {
    const { type, innerType } = inner.def;
    if ((type === "optional" || type === "default" || type === "nullable") && innerType) {
      optional = true;
      inner = innerType;
    } else if (type === "pipe" && inner.def.in) {
      inner = inner.def.in;
    } else if (type === "prefault" && innerType) {
      optional = true;
      inner = innerType;
    } else break;
  }
  return { inner, optional };
}

const cut = (text: string, max: number) => clip(text, max, { atWord: false });

/** Discord allows 1–6000 characters for strings; finite bounds only. */
function finite(value: number | null | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function optionJson(
  name: string,
  schema: z.ZodType,
  meta: { description: string; autocomplete?: string },
): DiscordCommandOption {
  const { inner, optional } = unwrap(schema as unknown as ZodIntrospection);
  const option: DiscordCommandOption = {
    type: OptionType.String,
    name,
    description: cut(meta.description, 100),
    required: !optional,
  };
  switch (inner.def.type) {
    case "number": {
      option.type = inner.isInt ? OptionType.Integer : OptionType.Number;
      const min = finite(inner.minValue);
      const max = finite(inner.maxValue);
      if (min !== undefined && Math.abs(min) < 2 ** 53) option.min_value = min;
      if (max !== undefined && Math.abs(max) < 2 ** 53) option.max_value = max;
      break;
    }
    case "boolean":
      option.type = OptionType.Boolean;
      break;
    case "enum":
      option.choices = (inner.options ?? [])
        .slice(0, 25)
        .map((value) => ({ name: String(value), value: String(value) }));
      break;
    default: {
      const min = finite(inner.minLength);
      const max = finite(inner.maxLength);
      if (min !== undefined && min > 0) option.min_length = Math.min(min, 6000);
      if (max !== undefined) option.max_length = Math.min(max, 6000);
    }
  }
  if (meta.autocomplete && !option.choices && option.type !== OptionType.Boolean) {
    option.autocomplete = true;
  }
  return option;
}

/** One subcommand option of /thesis; required options first, as Discord demands. */
export function subcommandJson(def: SubcommandDefinition): DiscordCommandOption {
  const shape = def.options.shape as Record<string, z.ZodType>;
  const meta = def.optionMeta as Record<string, { description: string; autocomplete?: string }>;
  const options = Object.entries(shape).map(([name, schema]) =>
    optionJson(name, schema, meta[name] ?? { description: name }),
  );
  options.sort((a, b) => Number(b.required) - Number(a.required));
  return {
    type: OptionType.Subcommand,
    name: def.name,
    description: cut(def.description, 100),
    options,
  };
}
