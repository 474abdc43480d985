// The digest as it is posted: a short message (the digest's text) and, for its thread, the
// full quotes behind it. Both are ordinary Replies, so every surface's existing renderer
// draws them and applies its own escaping and limits.
import type { Citation } from "../corpus/types.ts";
import { NOT_ADVICE_FOOTER } from "../reply/build.ts";
import type { Reply, ReplySection } from "../reply/reply.ts";
import type { BullBearPair } from "./types.ts";

/** What the post needs: the composer's Digest, or any DigestPreview-shaped value. */
export interface PostableDigest {
  date: string;
  pair?: BullBearPair | null;
  risk?: { label: string; citations: Citation[] } | null;
  text: string;
}

export interface DigestPostReplies {
  /** The channel message: the digest's text, first line as the title. */
  post: Reply;
  /** The full quotes, for replies in the post's thread; null when there is nothing to quote. */
  thread: Reply | null;
}

function quoteSections(digest: PostableDigest): ReplySection[] {
  const sections: ReplySection[] = [];
  const { pair, risk } = digest;
  if (pair?.bull)
    sections.push({ heading: `Bull case — ${pair.bull.title}`, citations: [pair.bull] });
  if (pair?.bear)
    sections.push({ heading: `Bear case — ${pair.bear.title}`, citations: [pair.bear] });
  if (risk && risk.citations.length > 0) {
    sections.push({ heading: `Risk: ${risk.label}`, citations: risk.citations });
  }
  return sections;
}

export function digestPostReplies(digest: PostableDigest): DigestPostReplies {
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
  const thread: Reply | null =
    sections.length === 0
      ? null
      : {
          kind: "answer",
          title: `The quotes behind the ${digest.date} digest`,
          sections,
          actions: [],
          visibility: "public",
        };
  return { post, thread };
}
