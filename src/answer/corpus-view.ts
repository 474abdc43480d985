// Read-only lookups over a ledger that every composer needs: documents by file, claims by
// id and in reading order, and verbatim citations of any span.
import type { Ledger } from "../corpus/ledger.ts";
import { lineStartsOf, linesOf } from "../corpus/lines.ts";
import type { SourceTexts } from "../corpus/live-sources.ts";
import type { Citation, Claim, OffsetSpan, SourceDocument } from "../corpus/types.ts";
import { type DroppedCitation, keepVerifiedCitations, type QuotableText } from "./quote-check.ts";

export interface CorpusView {
  ledger: Ledger;
  document(file: string): SourceDocument | undefined;
  claim(id: string): Claim | undefined;
  /** Claims of a file in reading order, and each claim's position there. */
  claimsOf(file: string): readonly Claim[];
  positionOf(claim: Claim): number;
  /** The verbatim citation of [start, end) in `file` (CRLF read as "\n"). */
  cite(file: string, span: OffsetSpan): Citation;
  /** Keeps only citations that pass the quote check, logging any that do not. */
  verified<T extends Citation>(citations: readonly T[]): T[];
  /** Keeps only claims whose text passes the quote check at their lines, logging the rest. */
  verifiedClaims(claims: readonly Claim[]): Claim[];
}

/**
 * What citations are checked against: the text `sourceTexts` gives for the file at the time
 * of the check (openLedger's reads the file on disk as it is now), or the ledger's own copy
 * without it. Line tables are computed once per distinct text.
 */
export function quotableLookup(
  ledger: Ledger,
  sourceTexts?: SourceTexts,
): (file: string) => QuotableText | undefined {
  const documents = new Map(ledger.documents.map((d) => [d.file, d]));
  const lastSeen = new Map<string, QuotableText>();
  return (file) => {
    const doc = documents.get(file);
    const text = doc && (sourceTexts ? sourceTexts.get(file) : doc.text);
    if (!doc || text === undefined) return undefined;
    const cached = lastSeen.get(file);
    if (cached?.text === text) return cached;
    const fresh = { title: doc.title, text, lineStarts: lineStartsOf(text) };
    lastSeen.set(file, fresh);
    return fresh;
  };
}

/** `sourceTexts`: see quotableLookup. */
export function createCorpusView(
  ledger: Ledger,
  onDrop: (dropped: DroppedCitation) => void,
  sourceTexts?: SourceTexts,
): CorpusView {
  const documents = new Map(ledger.documents.map((d) => [d.file, d]));
  const claims = new Map(ledger.claims.map((c) => [c.id, c]));
  const byFile = new Map<string, Claim[]>();
  for (const claim of ledger.claims) {
    const list = byFile.get(claim.file) ?? [];
    list.push(claim);
    byFile.set(claim.file, list);
  }
  const positions = new Map<string, number>();
  for (const list of byFile.values()) {
    list.sort((a, b) => a.offsets[0] - b.offsets[0]);
    for (const [i, c] of list.entries()) positions.set(c.id, i);
  }
  const lookup = (file: string) => documents.get(file);
  const verifyAgainst = quotableLookup(ledger, sourceTexts);

  return {
    ledger,
    document: lookup,
    claim: (id) => claims.get(id),
    claimsOf: (file) => byFile.get(file) ?? [],
    positionOf: (claim) => positions.get(claim.id) ?? -1,
    cite(file, span) {
      const doc = documents.get(file);
      if (!doc) throw new Error(`No document ${file} in the ledger`);
      return {
        file,
        lines: linesOf(doc.lineStarts, span),
        quote: doc.text.slice(span[0], span[1]).replace(/\r\n/g, "\n"),
        title: doc.title,
      };
    },
    verified: (citations) => keepVerifiedCitations(citations, verifyAgainst, onDrop),
    verifiedClaims: (list) =>
      list.filter((claim) => {
        const title = documents.get(claim.file)?.title ?? "";
        const asCited = { file: claim.file, lines: claim.lines, quote: claim.text, title };
        return keepVerifiedCitations([asCited], verifyAgainst, onDrop).length === 1;
      }),
  };
}
