// /thesis help: derived from the declarations themselves, so it can never list a command
// that does not exist or miss one that does.
import { z } from "zod";
import type { Reply } from "../src/reply/reply.ts";
import { defineSubcommand } from "./define.ts";
import type { SubcommandDefinition } from "./types.ts";

const HELP_TOPICS = 12;

/** `commands` is read when help runs, so help can list the list it belongs to. */
export function createHelpCommand(commands: () => readonly SubcommandDefinition[]) {
  return defineSubcommand({
    name: "help",
    description: "Show every /thesis command and what it does",
    usage: "/thesis help",
    options: z.object({}),
    optionMeta: {},
    preconditions: { rateLimited: false },
    async run(ctx): Promise<Reply> {
      const defs = commands();
      // The topics most discussed, so a user sees what bullbear and risks can be asked about.
      const topics = ctx.thesis
        .topics()
        .slice(0, HELP_TOPICS)
        .map((t) => t.id);
      return {
        kind: "info",
        title: "thesis-bot commands",
        summary:
          "Every answer quotes its sources word for word and names the file and lines it comes from.",
        sections: [
          ...defs.map((def) => ({ heading: def.usage, text: def.description, citations: [] })),
          ...(topics.length
            ? [
                {
                  heading: "Topics",
                  text: `${topics.join(", ")} (all: /thesis topics)`,
                  citations: [],
                },
              ]
            : []),
        ],
        actions: [],
        visibility: "private",
        data: {
          commands: defs.map((d) => ({ name: d.name, usage: d.usage, description: d.description })),
          topics,
        },
      };
    },
  });
}
