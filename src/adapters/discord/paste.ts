// The Discord paste form (src/bot/paste-source.ts): `/thesis sources action:paste` is answered
// with a modal (interaction response type 9) holding title, URL and text inputs; its submit
// (interaction type 5) carries their values back, read here into the form's fields.
import {
  PASTE_FORM_ID,
  PASTE_FORM_TITLE,
  PASTE_INPUTS,
  type PastedFields,
} from "../../bot/paste-source.ts";
import type { InteractionResponse } from "./turns.ts";

/** Discord's limit on a text input's value. */
const DISCORD_INPUT_MAX = 4000;
const ACTION_ROW = 1;
const TEXT_INPUT = 4;
const SHORT = 1;
const PARAGRAPH = 2;
export const MODAL_RESPONSE = 9;

/** The modal: one action row per input (Discord's rule), the text a paragraph. */
export function pasteModal(): InteractionResponse {
  return {
    type: MODAL_RESPONSE,
    data: {
      custom_id: PASTE_FORM_ID,
      title: PASTE_FORM_TITLE,
      components: PASTE_INPUTS.map((input) => ({
        type: ACTION_ROW,
        components: [
          {
            type: TEXT_INPUT,
            custom_id: input.id,
            label: input.label,
            style: input.multiline ? PARAGRAPH : SHORT,
            placeholder: input.placeholder,
            required: input.id !== "url",
            max_length: DISCORD_INPUT_MAX,
          },
        ],
      })),
    },
  };
}

type SubmittedRows = readonly {
  components: readonly { custom_id: string; value?: string | undefined }[];
}[];

/** The submitted values by input id; a missing input reads as empty. */
export function pastedFields(rows: SubmittedRows | undefined): PastedFields {
  const values = new Map<string, string>();
  for (const row of rows ?? [])
    for (const input of row.components) values.set(input.custom_id, input.value ?? "");
  return {
    title: values.get("title") ?? "",
    url: values.get("url") ?? "",
    text: values.get("text") ?? "",
  };
}
