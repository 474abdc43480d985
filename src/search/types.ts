/** A unit of text the engine can rank: a claim, a passage, a BEIR document. */
export interface SearchDocument {
  id: string;
  title?: string;
  heading?: string;
  /**
   * The document's own words. A list of segments reads as their concatenation; a segment
   * shared by many documents (a sentence in overlapping passages) is analysed only once.
   */
  text: string | readonly string[];
  /** Surrounding text that helps find the document but is not its own words (low weight). */
  context?: string | readonly string[];
}

/** Caller-provided synonyms: a word or phrase users type -> words the corpus uses. */
export type AliasMap = Readonly<Record<string, readonly string[]>>;

export interface Bm25Parameters {
  /** Term-frequency saturation: higher lets repeated terms keep adding score. */
  k1: number;
  /** Length normalisation in [0,1]: 1 fully penalises long documents, 0 ignores length. */
  b: number;
}

export interface FieldWeights {
  title: number;
  heading: number;
  text: number;
  context: number;
}

export interface ProximityParameters {
  /** Share of a BM25-like score that a query bigram found close together adds; 0 turns it off. */
  weight: number;
  /** Largest gap in content words (stopwords removed) that still counts as "close". */
  window: number;
  /** How many of the best BM25 hits get re-ranked; the rest keep their order. */
  candidates: number;
}

export interface QueryOptions {
  limit?: number;
  aliases?: AliasMap;
  /** Correct words that are not in the index vocabulary to the nearest ones that are. */
  fuzzy?: boolean;
  proximity?: Partial<ProximityParameters>;
  bm25?: Partial<Bm25Parameters>;
  /** Keep only the N query terms with the highest idf x query frequency (0 keeps all). */
  maxQueryTerms?: number;
  /** Document ids never returned (for example the query's own document). */
  excludeIds?: ReadonlySet<string>;
  /** Expand the query with related words (WordNet); defaults to the index's setting. */
  related?: boolean;
}

export interface SearchHit {
  id: string;
  /** Raw BM25 score plus the proximity bonus; comparable only within one query. */
  score: number;
  /**
   * Calibrated in [0,1]: the specificity-weighted share of the query's content words that this
   * document contains (see confidence.ts). Comparable across queries, so callers can
   * threshold it to decide that the corpus has nothing to say.
   */
  confidence: number;
  /** Index terms (stemmed) of the query that this document matched. */
  matchedTerms: string[];
}
