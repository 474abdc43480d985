// 👍 / 👎 under every answer in chat. Like Share, each button carries the command text
// behind the answer; a click records the voter's vote on that answer (the bot re-runs the
// command to know which passages it cited) and thanks them privately in one sentence.
import type { Reply, ReplyAction } from "../reply/reply.ts";

export const VOTE_UP = "vote-up";
export const VOTE_DOWN = "vote-down";
export const VOTE_THANKS = "Thanks — noted.";
export const VOTE_FAILED = "Sorry, that vote could not be recorded. Please try again later.";

export function voteOf(actionId: string): "up" | "down" | undefined {
  if (actionId === VOTE_UP) return "up";
  if (actionId === VOTE_DOWN) return "down";
  return undefined;
}

/** An answer with 👍 and 👎 after its other buttons; any other reply as it is. */
export function withVoteButtons(reply: Reply, commandText: string): Reply {
  if (reply.kind !== "answer" || reply.actions.some((action) => voteOf(action.id))) return reply;
  const votes: ReplyAction[] = [
    { id: VOTE_UP, label: "👍", value: commandText },
    { id: VOTE_DOWN, label: "👎", value: commandText },
  ];
  return { ...reply, actions: [...reply.actions, ...votes] };
}
