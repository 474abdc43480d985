// The shapes every layer shares. Offsets are UTF-16 indices into the file text as
// stored (what String#slice uses); lines are 1-based and inclusive.

export type LineSpan = [start: number, end: number];
export type OffsetSpan = [start: number, end: number];

/** One file of the corpus as read from disk, text untouched. */
export interface SourceDocument {
  /** Stable short id, the file name without extension ("000_0cf94f8e47b27905"). */
  id: string;
  /** The path a citation names: "<corpus folder name>/<file name>", e.g. "seeds/000_….txt". */
  file: string;
  title: string;
  outlet?: string;
  author?: string;
  /** Where the article can be read (sources.json `url`). */
  url?: string;
  text: string;
  /** Offset of the first character of each line; lineStarts[0] is line 1. */
  lineStarts: number[];
}

export interface Section {
  id: string;
  file: string;
  heading: string | null;
  lines: LineSpan;
  offsets: OffsetSpan;
}

export interface Paragraph {
  id: string;
  file: string;
  sectionId: string;
  lines: LineSpan;
  offsets: OffsetSpan;
  text: string;
}

export interface Sentence {
  file: string;
  paragraphId: string;
  lines: LineSpan;
  offsets: OffsetSpan;
  text: string;
}

export const CLAIM_KINDS = [
  "assertion",
  "prediction",
  "risk",
  "recommendation",
  "statistic",
  "question",
  "disclaimer",
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const STANCES = ["bull", "bear", "neutral"] as const;
export type Stance = (typeof STANCES)[number];

export interface Claim {
  /** Hash of file and offsets: survives re-indexing as long as the text does not move. */
  id: string;
  text: string;
  file: string;
  sourceId: string;
  lines: LineSpan;
  offsets: OffsetSpan;
  sectionId: string;
  section: string | null;
  paragraphId: string;
  kind: ClaimKind;
  /** Canonical topic ids (see corpus/topics), aliases resolved. */
  topics: string[];
  /** Stance toward each topic in `topics`. */
  stances: Record<string, Stance>;
  hedged: boolean;
}

/** What a user is shown: the exact text at `lines` of `file` (see answer/quote-check). */
export interface Citation {
  file: string;
  lines: LineSpan;
  quote: string;
  title: string;
}
