// The digest's one way onto a screen: a short post (the digest's text) and, for its thread,
// the full quotes behind it. Both are ordinary Replies, so every surface (the Slack, Discord
// and console posts, `/thesis digest preview`, the CLI's text) draws them with its usual
// renderer, which applies its own escaping and limits.
import { NOT_ADVICE_FOOTER } from "../reply/build.ts";
import type { Reply, ReplySection } from "../reply/reply.ts";
import type { Digest } from "./types.ts";

export interface DigestReplies {
  /** The channel message: the digest's text, first line as the title. */
  post: Reply;
  /** The full quotes, for replies in the post's thread; absent when there is nothing to quote. */
  thread?: Reply;
}

function quoteSections(digest: Digest): ReplySection[] {
  const sections: ReplySection[] = [];
  const { pair, risk } = digest;
  if (pair) {
    sections.push(
      { heading: `Bull case — ${pair.bull.title}`, citations: [pair.bull] },
      { heading: `Bear case — ${pair.bear.title}`, citations: [pair.bear] },
    );
  }
  if (risk && risk.citations.length > 0) {
    sections.push({ heading: `Risk: ${risk.label}`, citations: risk.citations });
  }
  return sections;
}

export function digestReplies(digest: Digest): DigestReplies {
  const [first = `Daily digest for ${digest.date}`, ...rest] = digest.text.split("\n");
  const sections = quoteSections(digest);
  const post: Reply = {
    kind: sections.length > 0 ? "answer" : "empty",
    title: first,
    summary: rest.join("\n"),
    sections: [],
    actions: [],
    visibility: "public",
    footer: NOT_ADVICE_FOOTER,
  };
  if (sections.length === 0) return { post };
  const thread: Reply = {
    kind: "answer",
    title: `The quotes behind the ${digest.date} digest`,
    sections,
    actions: [],
    visibility: "public",
  };
  return { post, thread };
}

/**
 * `/thesis digest preview`: the post and its thread as one private Reply (a command answers
 * with one), so the asker reads exactly the text and quotes the channel would get.
 */
export function digestPreviewReply(digest: Digest): Reply {
  const { post, thread } = digestReplies(digest);
  return {
    ...post,
    title: `Digest for ${digest.date} (preview)`,
    summary: digest.text,
    sections: thread?.sections ?? [],
    visibility: "private",
    data: digest,
  };
}
