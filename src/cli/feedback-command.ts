// `feedback`: how people rated the answers in chat (the votes in the store: the SQLite file
// under DATA_DIR, or Redis with REDIS_URL), as /thesis feedback shows admins. The --json
// document is the FeedbackSummary described in docs/CLI.md.
import { feedbackReply } from "../../commands/feedback.ts";
import { renderConsole } from "../adapters/console/render.ts";
import { createStoreFeedback } from "../feedback/store-feedback.ts";
import { createStore } from "../store/index.ts";
import type { CliCommand } from "./io.ts";

export const feedbackCommand: CliCommand = {
  name: "feedback",
  summary: "Votes on the answers in chat: counts and the worst-rated questions",
  usage: "thesis-bot feedback [--json]",
  async run(input) {
    const store = await createStore({
      dataDir: input.config.DATA_DIR,
      ...(input.config.REDIS_URL ? { redisUrl: input.config.REDIS_URL } : {}),
    });
    try {
      const summary = await createStoreFeedback(store).summary();
      return { json: summary, text: renderConsole(feedbackReply(summary)).replace(/\n$/, "") };
    } finally {
      await store.close();
    }
  },
};
