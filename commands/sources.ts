// /thesis sources: what the corpus holds, so users know what can be asked.
import { z } from "zod";
import type { Reply } from "../src/reply/reply.ts";
import { defineSubcommand } from "./define.ts";

export const sourcesCommand = defineSubcommand({
  name: "sources",
  description: "List the articles the bot quotes from",
  usage: "/thesis sources",
  options: z.object({}),
  optionMeta: {},
  async run(ctx): Promise<Reply> {
    const sources = ctx.thesis.sources();
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
      sections: sources.map((s, i) => ({
        heading: `${i + 1}. ${s.title}`,
        text: [
          [s.outlet, s.author].filter(Boolean).join(", "),
          `${s.file} · ${s.lines} lines · ${s.claims} claims`,
        ]
          .filter(Boolean)
          .join("\n"),
        citations: [],
      })),
      actions: [{ id: "share", label: "Share to channel", value: "sources", style: "primary" }],
      visibility: "private",
      data: { sources },
    };
  },
});
