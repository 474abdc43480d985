// The Slack paste form (src/bot/paste-source.ts): `/thesis sources paste` opens a modal with
// title, URL and text (views.open, with the command's trigger_id); its view_submission adds
// the text. A modal has no channel of its own, so the form carries the command's channel and
// response_url in private_metadata, and "Indexing…" and the result arrive there, privately,
// as a command's answer does.
import type { App, RespondArguments, RespondFn, SlashCommand } from "@slack/bolt";
import { z } from "zod";
import {
  addPastedSource,
  PASTE_FORM_ID,
  PASTE_FORM_TITLE,
  PASTE_INPUTS,
  pasteRefusal,
} from "../../bot/paste-source.ts";
import { answerSafely, type SlackDeps } from "./deps.ts";
import { respondSentence } from "./post.ts";
import { interactionTurn } from "./turns.ts";

/** Slack's limit on a plain_text_input. */
const SLACK_INPUT_MAX = 3000;

const metadata = z.object({ channel: z.string(), responseUrl: z.url({ protocol: /^https?$/ }) });

/** The modal view: one input block per field; the text is multiline. */
export function pasteView(channel: string, responseUrl: string) {
  return {
    type: "modal" as const,
    callback_id: PASTE_FORM_ID,
    title: { type: "plain_text" as const, text: PASTE_FORM_TITLE },
    submit: { type: "plain_text" as const, text: "Add source" },
    close: { type: "plain_text" as const, text: "Cancel" },
    private_metadata: JSON.stringify({ channel, responseUrl }),
    blocks: PASTE_INPUTS.map((input) => ({
      type: "input" as const,
      block_id: input.id,
      optional: input.id === "url",
      label: { type: "plain_text" as const, text: input.label },
      element: {
        type: "plain_text_input" as const,
        action_id: input.id,
        multiline: input.multiline,
        max_length: SLACK_INPUT_MAX,
        placeholder: { type: "plain_text" as const, text: input.placeholder },
      },
    })),
  };
}

/** `/thesis sources paste`: the refusal for a non-admin, else the form. */
export async function openPasteForm(
  deps: SlackDeps,
  client: App["client"],
  command: SlashCommand,
  respond: RespondFn,
): Promise<void> {
  const user = { id: command.user_id, name: command.user_name };
  const refused = await pasteRefusal(deps.bot, deps.chatWith(client), user);
  if (refused) {
    return interactionTurn(respond, user, command.channel_id, command.team_id).respond(refused);
  }
  await client.views.open({
    trigger_id: command.trigger_id,
    view: pasteView(command.channel_id, command.response_url),
  });
}

/** A response_url as Bolt's `respond` posts to it (a view submission brings none of its own). */
function respondTo(url: string): RespondFn {
  return async (message: string | RespondArguments) => {
    const body = typeof message === "string" ? { text: message } : message;
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
    return res;
  };
}

type ViewState = Record<string, Record<string, { value?: string | null }>>;

export function registerPasteForm(app: App, deps: SlackDeps): void {
  app.view(PASTE_FORM_ID, async ({ ack, view, body, client }) => {
    await ack();
    const where = metadata.safeParse(safeJson(view.private_metadata));
    if (!where.success) return deps.log("Slack paste form without its channel", where.error);
    const respond = respondTo(where.data.responseUrl);
    const values = view.state.values as ViewState;
    const field = (id: string) => values[id]?.[id]?.value ?? "";
    const user = { id: body.user.id, name: body.user.name };
    const turn = interactionTurn(respond, user, where.data.channel, body.team?.id);
    await answerSafely(
      deps,
      "paste form",
      () =>
        addPastedSource(deps.bot, deps.chatWith(client), turn, {
          title: field("title"),
          url: field("url"),
          text: field("text"),
        }),
      (sentence) => respondSentence(respond, sentence),
    );
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
