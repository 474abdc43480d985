// What the grounded-answer layer offers to commands, the CLI and the digest.
// Every Citation in these results has passed the quote check (answer/quote-check).
import type { Citation, Claim, ClaimKind } from "../corpus/types.ts";

export interface SourceInfo {
  id: string;
  file: string;
  title: string;
  outlet?: string;
  author?: string;
  url?: string;
  lines: number;
  claims: number;
}

export interface AskResult {
  found: boolean;
  /** One extractive lead sentence (or "" when nothing was found). */
  answer: string;
  citations: Citation[];
  /** The ledger claims behind each citation, same order. */
  claimIds: string[];
}

export interface RiskEntry {
  label: string;
  /** How many distinct sources raise this risk. */
  sources: number;
  citations: Citation[];
}

export interface BullBearPair {
  /** null when that side has no support in the corpus ("bear case: no source"). */
  bull: Citation | null;
  bear: Citation | null;
}

export interface ClaimFilter {
  topic?: string;
  kind?: ClaimKind;
}

export interface TopicInfo {
  id: string;
  label: string;
  claims: number;
}

export interface ThesisService {
  sources(): SourceInfo[];
  ask(question: string, options?: { limit?: number }): AskResult;
  risks(topic?: string): { risks: RiskEntry[] };
  /**
   * Any text: a known topic, or the phrase itself matched over the ledger ("ban boxing").
   * `known` is false when it is neither (no claim says the phrase), and then there are no pairs.
   */
  bullbear(topic: string): { topic: string; label: string; known: boolean; pairs: BullBearPair[] };
  quote(claimId: string): { claim: Claim; context: Citation } | null;
  claims(filter?: ClaimFilter): Claim[];
  /** Known topics, for autocomplete and "did you mean". */
  topics(): TopicInfo[];
}
