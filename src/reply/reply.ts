// The one answer model every command returns. Renderers (one per surface) turn it into
// Discord embeds, Slack Block Kit, console text or JSON; platform limits are theirs.
import type { Citation } from "../corpus/types.ts";

export type Visibility = "private" | "public";
export type ReplyKind = "answer" | "empty" | "usage" | "error" | "info";

/**
 * A quoted passage as a reply shows it: the verified citation (quote, file, lines, title) and
 * what a reader needs to place it. Renderers credit it by title and outlet, linked when the
 * source has a URL, and keep file and lines in small print.
 */
export interface ReplyCitation extends Citation {
  /** Leads the attribution line: the passage's number ("1") or side ("Bull 1"). */
  label?: string;
  outlet?: string;
  url?: string;
  /** The source's section heading just above the passage (a heading-only passage folded in). */
  section?: string;
  /** [start, end) of `quote` the reply's answer rests on; shown emphasised, never cut out. */
  emphasis?: [number, number];
}

export interface ReplySection {
  heading?: string;
  /** Plain text written by the bot (never markup); renderers escape it. */
  text?: string;
  citations: ReplyCitation[];
}

/**
 * A button. `id` names what it does; `value` is always the /thesis command text (without
 * "/thesis") that reproduces the answer or that the button runs, e.g. "ask why does
 * distribution win" or "bullbear TAO". Answers are deterministic, so an adapter handles
 * share (post publicly), thread (post the passages as thread replies), bearcase, next and
 * prev by running that text again: no per-answer state to store or lose.
 */
export interface ReplyAction {
  id: "share" | "thread" | "bearcase" | "next" | "prev" | (string & {});
  label: string;
  value: string;
  style?: "primary" | "secondary" | "danger";
}

export interface Reply {
  kind: ReplyKind;
  title: string;
  /** One or two sentences leading the reply (the extractive lead answer for ask). */
  summary?: string;
  sections: ReplySection[];
  actions: ReplyAction[];
  visibility: Visibility;
  footer?: string;
  /** The machine-readable result behind the reply (the CLI's --json document). */
  data?: unknown;
}
