// How a reply changes with where it is shown. Answers start private, with Share to channel
// and Quote in thread; once public, those two buttons would only repeat what everyone sees.
import type { Reply, ReplyAction } from "../reply/reply.ts";

const SHARE_LABEL = "Share to channel";
const THREAD_LABEL = "Quote in thread";

/** A private answer can always be shared or quoted in a thread: both re-run `commandText`. */
export function withShareButtons(reply: Reply, commandText: string): Reply {
  if (reply.kind !== "answer" || reply.visibility !== "private") return reply;
  const has = (id: string) => reply.actions.some((action) => action.id === id);
  const added: ReplyAction[] = [
    ...(has("share")
      ? []
      : [{ id: "share", label: SHARE_LABEL, value: commandText, style: "primary" as const }]),
    ...(has("thread") ? [] : [{ id: "thread", label: THREAD_LABEL, value: commandText }]),
  ];
  return added.length === 0 ? reply : { ...reply, actions: [...added, ...reply.actions] };
}

/**
 * The reply as everyone in the channel sees it: public, without the buttons that would
 * repeat it (Share; and Quote in thread where the passages are already in one).
 */
export function asPublic(reply: Reply, omit: readonly string[] = ["share", "thread"]): Reply {
  return {
    ...reply,
    visibility: "public",
    actions: reply.actions.filter((action) => !omit.includes(action.id)),
  };
}

/** The lead of a reply without its passages (they follow one by one in a thread). */
export function leadOnly(reply: Reply): Reply {
  return { ...asPublic(reply), sections: [], actions: [] };
}

export function citationCount(reply: Reply): number {
  return reply.sections.reduce((sum, section) => sum + section.citations.length, 0);
}
