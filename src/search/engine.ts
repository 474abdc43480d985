import { preloadBackground } from "./background.ts";
import { groupCoverage } from "./confidence.ts";
import { SEARCH_DEFAULTS } from "./defaults.ts";
import { updateInvertedIndex } from "./incremental.ts";
import {
  containsTerm,
  type IndexBuildOptions,
  type InvertedIndex,
  InvertedIndexBuilder,
} from "./inverted-index.ts";
import { proximityScore, queryPairs } from "./proximity.ts";
import { type AnalyzedQuery, analyzeQuery, type Vocabulary } from "./query.ts";
import { preloadSpelling } from "./spelling.ts";
import { topK } from "./top-k.ts";
import type { AliasMap, QueryOptions, SearchDocument, SearchHit } from "./types.ts";
import { preloadWordNet } from "./wordnet.ts";

export interface SearchIndexOptions extends IndexBuildOptions {
  /** Aliases applied to every query unless the query passes its own. */
  aliases?: AliasMap;
  /** Expand every query with related words (WordNet) unless the query says otherwise. */
  related?: boolean;
  /**
   * Scale each query word's BM25 weight between this floor (a word of no specificity in
   * general English) and 1 (a name or rare word). Defaults to 1: plain BM25.
   */
  specificityFloor?: number;
}

/** A BM25F index over SearchDocuments with query analysis, proximity and confidence. */
export class SearchIndex implements Vocabulary {
  private readonly normCache = new Map<string, Float32Array>();
  private scratch: Float64Array;

  constructor(
    private readonly index: InvertedIndex,
    private readonly options: Pick<
      SearchIndexOptions,
      "aliases" | "related" | "specificityFloor"
    > = {},
  ) {
    this.scratch = new Float64Array(index.ids.length);
  }

  /** Number of documents indexed (removed ones are not counted; see withDocuments). */
  get size(): number {
    return this.index.idToDoc.size;
  }

  /**
   * A new index with the documents of `remove` taken out and `add` put in, without analysing
   * the others again (see incremental.ts). The new index takes this one's tables over, so this
   * one refuses to answer afterwards. `build` must be the options this index was built with.
   */
  withDocuments(
    add: Iterable<SearchDocument>,
    remove: ReadonlySet<string>,
    build: IndexBuildOptions = {},
  ): SearchIndex {
    this.retired = true;
    return new SearchIndex(updateInvertedIndex(this.index, add, remove, build), this.options);
  }

  private retired = false;

  has(term: string): boolean {
    return this.index.termIds.has(term);
  }

  documentFrequency(term: string): number {
    const id = this.index.termIds.get(term);
    return id === undefined ? 0 : this.index.postings[id]!.docs.length;
  }

  /** Lucene's BM25 idf, always positive: ln(1 + (N - df + 0.5) / (df + 0.5)). */
  idf(term: string): number {
    const n = this.index.idToDoc.size;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  surfaceForms(): Iterable<[string, string]> {
    return this.index.surfaces;
  }

  /** Index terms of a stored document, or undefined when the id is unknown. */
  documentTerms(id: string): string[] | undefined {
    const doc = this.index.idToDoc.get(id);
    if (doc === undefined) return undefined;
    const sequence = this.index.sequences[doc];
    if (sequence) return [...sequence].flatMap((t) => this.index.terms[t] ?? []);
    return this.index.terms.filter((_, t) => containsTerm(this.index.postings[t]!, doc));
  }

  /** Query analysis on its own, for callers that want to show what was understood. */
  analyze(query: string, options: QueryOptions = {}): AnalyzedQuery {
    return analyzeQuery(query, this, {
      aliases: options.aliases ?? this.options.aliases,
      fuzzy: options.fuzzy,
      maxQueryTerms: options.maxQueryTerms,
      related: options.related ?? this.options.related,
    });
  }

  /** Best documents for a query, best first; empty when no content word matched. */
  search(query: string, options: QueryOptions = {}): SearchHit[] {
    return this.searchAnalyzed(this.analyze(query, options), options);
  }

  searchAnalyzed(analyzed: AnalyzedQuery, options: QueryOptions = {}): SearchHit[] {
    if (this.retired) throw new Error("This search index was replaced by withDocuments.");
    const { k1, b } = { ...SEARCH_DEFAULTS.bm25, ...options.bm25 };
    const proximity = { ...SEARCH_DEFAULTS.proximity, ...options.proximity };
    const limit = options.limit ?? SEARCH_DEFAULTS.limit;
    const norms = this.norms(k1, b);
    const scores = this.scratch;
    const touched: number[] = [];

    const weights = new Map<number, number>();
    // Everyday words count for less (0.6 of their weight for "main", all of it for a
    // name), so chat filler barely moves the ranking; plain BM25 unless the index says so.
    const floor = this.options.specificityFloor ?? 1;
    for (const group of analyzed.groups) {
      const scale = floor + (1 - floor) * group.specificity;
      for (const entry of group.terms) {
        const id = this.index.termIds.get(entry.term);
        if (id === undefined) continue;
        weights.set(id, (weights.get(id) ?? 0) + entry.weight * scale * group.occurrences);
      }
    }
    for (const [termId, weight] of weights) {
      const postings = this.index.postings[termId]!;
      const idf = this.idf(this.index.terms[termId]!) * weight;
      for (let i = 0; i < postings.docs.length; i++) {
        const doc = postings.docs[i]!;
        const tf = postings.tfs[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * tf * (k1 + 1)) / (tf + norms[doc]!);
      }
    }
    const excluded = new Set<number>();
    for (const id of options.excludeIds ?? []) {
      const doc = this.index.idToDoc.get(id);
      if (doc !== undefined) excluded.add(doc);
    }
    const eligible = touched.filter((doc) => !excluded.has(doc));
    const pool = Math.max(limit, proximity.weight > 0 ? proximity.candidates : 0);
    const best = topK(eligible, (doc) => scores[doc]!, pool);
    const final = new Map<number, number>(best.map((doc) => [doc, scores[doc]!]));
    for (const doc of touched) scores[doc] = 0;

    if (proximity.weight > 0 && best.length > 1) {
      const pairs = queryPairs(analyzed.sequence, this.index.termIds, (t) => this.idf(t));
      for (const doc of best) {
        const sequence = this.index.sequences[doc];
        if (!sequence) continue;
        const bonus = proximityScore(sequence, pairs, proximity.window, k1);
        final.set(doc, final.get(doc)! + proximity.weight * bonus);
      }
    }
    const ranked = topK(best, (doc) => final.get(doc)!, limit);
    return ranked.map((doc) => {
      const { confidence, matchedTerms } = groupCoverage(analyzed.groups, (term) => {
        const id = this.index.termIds.get(term);
        return id !== undefined && containsTerm(this.index.postings[id]!, doc);
      });
      return { id: this.index.ids[doc]!, score: final.get(doc)!, confidence, matchedTerms };
    });
  }

  /** k1 * (1 - b + b * length / average), cached per parameter pair. */
  private norms(k1: number, b: number): Float32Array {
    const key = `${k1}:${b}`;
    let norms = this.normCache.get(key);
    if (!norms) {
      const { lengths, averageLength } = this.index;
      norms = lengths.map((length) => k1 * (1 - b + (b * length) / averageLength));
      this.normCache.set(key, norms);
    }
    return norms;
  }
}

/** Builds a search index over documents in one go. */
export function createSearchIndex(
  documents: Iterable<SearchDocument>,
  options: SearchIndexOptions = {},
): SearchIndex {
  const builder = new InvertedIndexBuilder(options);
  for (const document of documents) builder.add(document);
  // Query analysis reads general-English word lists (and WordNet when related words are on):
  // loaded with the index, so that no question pays for them.
  preloadBackground();
  preloadSpelling();
  if (options.related) preloadWordNet();
  return new SearchIndex(builder.build(), options);
}
