// /thesis topics: what the corpus argues about, with how many claims name each topic, so
// users know what bullbear and risks can be asked about (any other phrase works too).
import { z } from "zod";
import type { Reply } from "../src/reply/reply.ts";
import { defineSubcommand } from "./define.ts";

export const topicsCommand = defineSubcommand({
  name: "topics",
  description: "List the topics the sources argue about, with how many claims name each",
  usage: "/thesis topics",
  options: z.object({}),
  optionMeta: {},
  async run(ctx): Promise<Reply> {
    const topics = ctx.thesis.topics();
    if (topics.length === 0) {
      return {
        // A listing, not a search: an empty corpus is news, not "nothing found" (CLI exit 1).
        kind: "info",
        title: "Topics",
        summary: "No topics yet: the corpus names nothing often enough to be one.",
        sections: [],
        actions: [],
        visibility: "private",
        data: { topics },
      };
    }
    return {
      kind: "info",
      title: "Topics",
      summary: `${topics.length} topic${topics.length === 1 ? "" : "s"}, most discussed first. Any other phrase works with bullbear too.`,
      sections: [
        {
          heading: "Topics and claims",
          text: topics.map((t) => `${t.label} (${t.id}): ${t.claims}`).join("\n"),
          citations: [],
        },
      ],
      actions: [{ id: "share", label: "Share to channel", value: "topics", style: "primary" }],
      visibility: "private",
      data: { topics },
    };
  },
});
