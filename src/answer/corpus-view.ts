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
  /** The text a quote from `file` is checked against (quotableLookup of this ledger). */
  quotable(file: string): QuotableText | undefined;
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

interface Tables {
  documents: Map<string, SourceDocument>;
  claims: Map<string, Claim>;
  byFile: Map<string, Claim[]>;
  positions: Map<string, number>;
}
const tablesOf = new WeakMap<CorpusView, Tables>();

function addFileClaims(tables: Tables, file: string, list: Claim[]): void {
  list.sort((a, b) => a.offsets[0] - b.offsets[0]);
  tables.byFile.set(file, list);
  for (const [i, c] of list.entries()) {
    tables.claims.set(c.id, c);
    tables.positions.set(c.id, i);
  }
}

function groupByFile(claims: readonly Claim[]): Map<string, Claim[]> {
  const byFile = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = byFile.get(claim.file) ?? [];
    list.push(claim);
    byFile.set(claim.file, list);
  }
  return byFile;
}

/**
 * The lookup tables of `ledger`: built from scratch, or taken over from `previous` (a view of
 * the ledger before `changed` files were added, replaced or removed) with only those files
 * redone, which is what a source added at runtime costs. Taking over is not copying: copying
 * tables of 100,000 claims costs more than the whole rest of an add, so the previous view
 * must not be used once it has been passed here (the live corpus drops it).
 */
function tablesFor(
  ledger: Ledger,
  previous?: { view: CorpusView; changed: ReadonlySet<string> },
): Tables {
  const tables = previous && tablesOf.get(previous.view);
  if (!tables || !previous) {
    const fresh: Tables = {
      documents: new Map(ledger.documents.map((d) => [d.file, d])),
      claims: new Map(),
      byFile: new Map(),
      positions: new Map(),
    };
    for (const [file, list] of groupByFile(ledger.claims)) addFileClaims(fresh, file, list);
    return fresh;
  }
  tablesOf.delete(previous.view);
  for (const file of previous.changed) {
    tables.documents.delete(file);
    for (const c of tables.byFile.get(file) ?? []) {
      tables.claims.delete(c.id);
      tables.positions.delete(c.id);
    }
    tables.byFile.delete(file);
  }
  for (const d of ledger.documents)
    if (previous.changed.has(d.file)) tables.documents.set(d.file, d);
  const changedClaims = ledger.claims.filter((c) => previous.changed.has(c.file));
  for (const [file, list] of groupByFile(changedClaims)) addFileClaims(tables, file, list);
  return tables;
}

/**
 * `sourceTexts`: see quotableLookup. `previous`: a view of this ledger before the `changed`
 * files changed, whose tables this one takes over instead of building its own (see tablesFor).
 */
export function createCorpusView(
  ledger: Ledger,
  onDrop: (dropped: DroppedCitation) => void,
  sourceTexts?: SourceTexts,
  previous?: { view: CorpusView; changed: ReadonlySet<string> },
): CorpusView {
  const tables = tablesFor(ledger, previous);
  const { documents, claims, byFile, positions } = tables;
  const lookup = (file: string) => documents.get(file);
  const verifyAgainst = quotableLookup(ledger, sourceTexts);

  const view: CorpusView = {
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
    quotable: verifyAgainst,
  };
  tablesOf.set(view, tables);
  return view;
}
