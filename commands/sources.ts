// /thesis sources [add <url> | paste | remove <id> | refresh <id>]: what the corpus holds, so
// users know what can be asked; admins add the article everybody is discussing (a link, or its
// text pasted into a form for paywalled pieces), or take one out.
import { z } from "zod";
import { errorReply } from "../src/reply/build.ts";
import type { Reply } from "../src/reply/reply.ts";
import { SourceError } from "../src/sources/errors.ts";
import type {
  ChangeOptions,
  SourceChangeResult,
  SourceManager,
  SourceSummary,
  TopicBearing,
} from "../src/sources/manager.ts";
import { defineSubcommand } from "./define.ts";
import type { CommandContext } from "./types.ts";

const ACTIONS = ["list", "add", "paste", "remove", "refresh"] as const;
const CHOOSE =
  "Choose list, add, paste, remove or refresh, for example: /thesis sources add https://…";

/** Where `sources paste` works: the chat forms (src/bot/paste-source.ts) collect the text. */
export const PASTE_ONLY_IN_CHAT =
  "Pasting opens a form in Slack or Discord (/thesis sources paste there); here, add a file: npx thesis-bot sources add FILE.";

/** The paste form's fields, as both chat forms show and this checks them. */
export const PASTE_LIMITS = { title: 300, url: 2000, text: 100_000 } as const;

const pastedFields = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: "Give the article's title." })
    .max(PASTE_LIMITS.title, {
      error: `The title is longer than ${PASTE_LIMITS.title} characters.`,
    }),
  url: z
    .string()
    .trim()
    .max(PASTE_LIMITS.url, { error: "That address is too long." })
    .refine((url) => url === "" || /^https?:\/\/\S+$/i.test(url), {
      error: "The URL must start with https:// (or leave it empty).",
    })
    .optional(),
  text: z
    .string()
    .trim()
    .min(1, { error: "Paste the article's text." })
    .max(PASTE_LIMITS.text, { error: `The text is longer than ${PASTE_LIMITS.text} characters.` }),
});

export type PastedFields = z.input<typeof pastedFields>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "adds 2 bear claims on $TAO / Bittensor and 1 bull claim on DeepSeek" (at most three topics). */
export function bearingSentence(bearing: readonly TopicBearing[]): string {
  const parts: string[] = [];
  for (const topic of bearing.slice(0, 3)) {
    const sides = (["bull", "bear"] as const)
      .filter((side) => topic[side] > 0)
      .map((side) => `${topic[side]} ${side} claim${topic[side] === 1 ? "" : "s"}`);
    parts.push(
      sides.length > 0
        ? `${sides.join(" and ")} on ${topic.label}`
        : `${plural(topic.neutral, "neutral claim")} on ${topic.label}`,
    );
  }
  if (parts.length === 0) return "it names none of the known topics";
  return `adds ${parts.join(", ")}`;
}

function changed(title: string, verb: string, result: SourceChangeResult): Reply {
  const { source } = result;
  const by = [source.outlet, source.author].filter(Boolean).join(", ");
  return {
    kind: "info",
    title,
    summary: `${verb} "${source.title}"${by ? ` (${by})` : ""}: ${plural(result.claims, "claim")}, ${plural(result.risks, "risk")}; ${bearingSentence(result.bearing)}.`,
    sections: [
      {
        text: [source.url, `id ${source.id} · ${source.file} · ${plural(source.lines, "line")}`]
          .filter(Boolean)
          .join("\n"),
        citations: [],
      },
    ],
    actions: [],
    visibility: "private",
    data: result,
  };
}

/**
 * A pasted article (the Slack and Discord paste forms): checks the fields, adds the text as
 * a source and says what it added, as `sources add` does; a refusal is one sentence.
 */
export async function addPasted(
  sources: SourceManager | undefined,
  fields: PastedFields,
  change: ChangeOptions,
): Promise<Reply> {
  if (!sources) return errorReply("Sources cannot be changed here.");
  const checked = pastedFields.safeParse(fields);
  if (!checked.success) return errorReply(checked.error.issues[0]?.message ?? "Check the form.");
  const { title, url, text } = checked.data;
  return withSourceErrors(async () =>
    changed(
      "Source added",
      "Added",
      await sources.add({ text, title, ...(url ? { url } : {}) }, change),
    ),
  );
}

/** Runs a change; a SourceError (a refused page, a duplicate…) becomes its one sentence. */
async function withSourceErrors(work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SourceError) return errorReply(error.message);
    throw error;
  }
}

/** "2025-11-03T10:00:00Z" → "2025-11-03"; a date written otherwise is shown as the page gave it. */
function dayOf(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date;
}

function listed(ctx: CommandContext): Reply {
  const sources: (SourceSummary | ReturnType<CommandContext["thesis"]["sources"]>[number])[] =
    ctx.sources?.list() ?? ctx.thesis.sources();
  if (sources.length === 0) {
    return {
      // A listing, not a search: an empty corpus is news, not "nothing found" (CLI exit 1).
      kind: "info",
      title: "Sources",
      summary: "The corpus is empty: no articles are indexed yet.",
      sections: [],
      actions: [],
      visibility: "private",
      data: { sources },
    };
  }
  return {
    kind: "info",
    title: "Sources",
    summary: `${sources.length} article${sources.length === 1 ? "" : "s"}; every quote names its file and lines.`,
    sections: sources.map((s, i) => {
      const origin =
        "origin" in s
          ? `${s.origin === "chat" ? "added in chat" : "folder"}${s.addedAt ? ` ${s.addedAt.slice(0, 10)}` : ""} · id ${s.id}`
          : "";
      return {
        heading: `${i + 1}. ${s.title}`,
        text: [
          [s.outlet, s.author, "date" in s && s.date ? `published ${dayOf(s.date)}` : undefined]
            .filter(Boolean)
            .join(", "),
          `${s.file} · ${s.lines} lines · ${s.claims} claims`,
          origin,
        ]
          .filter(Boolean)
          .join("\n"),
        citations: [],
      };
    }),
    actions: [{ id: "share", label: "Share to channel", value: "sources", style: "primary" }],
    visibility: "private",
    data: { sources },
  };
}

export const sourcesCommand = defineSubcommand({
  name: "sources",
  description: "List the articles the bot quotes from; admins add, refresh or remove one",
  usage: "/thesis sources [add <url> | paste | remove <id> | refresh <id>]",
  options: z.object({
    action: z.enum(ACTIONS, { error: CHOOSE }).optional(),
    target: z
      .string({ error: "Give a web address to add, or a source id." })
      .trim()
      .max(2000, { error: "That address is too long." })
      .optional(),
  }),
  optionMeta: {
    action: { description: "list (default), add, paste (opens a form), remove or refresh" },
    target: { description: "The page's URL for add; the source's id for remove and refresh" },
  },
  rest: "target",
  preconditions: {
    admin: {
      to: "add, refresh or remove sources",
      when: (input) => input.action !== undefined && input.action !== "list",
    },
  },
  async run(ctx, input): Promise<Reply> {
    const action = input.action ?? "list";
    if (action === "list") return listed(ctx);
    const sources = ctx.sources;
    if (!sources) return errorReply("Sources cannot be changed here.");
    // Chat adapters open the form before the bot runs; a typed `sources paste` lands here.
    if (action === "paste") return errorReply(PASTE_ONLY_IN_CHAT);
    const target = input.target ?? "";
    if (!target)
      return errorReply(
        action === "add"
          ? "Give the page to add, for example: /thesis sources add https://…"
          : `Give the id of the source to ${action}: /thesis sources lists them.`,
      );
    const change = {
      addedBy: ctx.user.id,
      ...(ctx.progress ? { progress: ctx.progress } : {}),
    };
    return withSourceErrors(async () => {
      switch (action) {
        case "add":
          return changed("Source added", "Added", await sources.add({ url: target }, change));
        case "refresh":
          return changed("Source refreshed", "Refreshed", await sources.refresh(target, change));
        case "remove": {
          const gone = await sources.remove(target);
          return {
            kind: "info",
            title: "Source removed",
            summary: `Removed "${gone.title}" and its ${plural(gone.claims, "claim")}; it is no longer quoted.`,
            sections: [],
            actions: [],
            visibility: "private",
            data: gone,
          };
        }
      }
    });
  },
});
