// Small constructors for the replies every surface shows the same way.
import type { Reply } from "./reply.ts";

export const NOT_ADVICE_FOOTER =
  "Not financial advice. thesis-bot quotes its sources and takes no position of its own.";

export function usageReply(message: string, usage: string): Reply {
  return {
    kind: "usage",
    title: "That command needs a small fix",
    summary: message,
    sections: [{ text: `Usage: ${usage}`, citations: [] }],
    actions: [],
    visibility: "private",
  };
}

export function errorReply(message: string): Reply {
  return {
    kind: "error",
    title: "Sorry",
    summary: message,
    sections: [],
    actions: [],
    visibility: "private",
  };
}
