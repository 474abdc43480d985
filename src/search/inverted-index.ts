import { SEARCH_DEFAULTS } from "./defaults.ts";
import { type AnalyzedToken, analyze } from "./tokenize.ts";
import type { FieldWeights, SearchDocument } from "./types.ts";

/** Marks a field boundary in a stored term sequence, so phrases never span two fields. */
export const FIELD_GAP = 0xffffffff;
const GAP_WIDTH = 4;

export interface Postings {
  docs: Int32Array;
  /** Field-weighted term frequency (BM25F): a title occurrence counts `title` times. */
  tfs: Float32Array;
}

/** The frozen, query-ready form of a corpus. */
export interface InvertedIndex {
  ids: string[];
  idToDoc: Map<string, number>;
  /** Field-weighted length of each document, in content words. */
  lengths: Float32Array;
  averageLength: number;
  termIds: Map<string, number>;
  terms: string[];
  /** Each word as written (lower case) -> its index term; typo correction searches these. */
  surfaces: Map<string, string>;
  postings: Postings[];
  /** Term ids of each document in reading order, or undefined when positions are off. */
  sequences: (Uint32Array | undefined)[];
}

export interface IndexBuildOptions {
  fieldWeights?: Partial<FieldWeights>;
  /** Keep term positions for phrase proximity (costs 4 bytes per word). Default true. */
  storePositions?: boolean;
}

/**
 * Accumulates documents one by one (so BEIR corpora can be streamed) and freezes them into
 * typed arrays. Written by hand rather than on MiniSearch because BM25F field weighting,
 * per-term match information for confidence, and term positions for proximity all need
 * access to postings that MiniSearch keeps private.
 */
export class InvertedIndexBuilder {
  private readonly weights: FieldWeights;
  private readonly storePositions: boolean;
  private readonly ids: string[] = [];
  private readonly idToDoc = new Map<string, number>();
  private readonly lengths: number[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly surfaces = new Map<string, string>();
  private readonly postingDocs: number[][] = [];
  private readonly postingTfs: number[][] = [];
  private readonly sequences: (Uint32Array | undefined)[] = [];

  constructor(options: IndexBuildOptions = {}) {
    this.weights = { ...SEARCH_DEFAULTS.fieldWeights, ...options.fieldWeights };
    this.storePositions = options.storePositions ?? true;
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Titles, headings and the sentences of overlapping passages recur across documents;
   * each distinct text is analysed once per build (the memo is dropped when it grows large).
   */
  private readonly analysed = new Map<string, AnalyzedToken[]>();
  private analyzeOnce(text: string): AnalyzedToken[] {
    let tokens = this.analysed.get(text);
    if (!tokens) {
      tokens = analyze(text);
      if (this.analysed.size > 200_000) this.analysed.clear();
      this.analysed.set(text, tokens);
    }
    return tokens;
  }

  add(document: SearchDocument): void {
    if (this.idToDoc.has(document.id)) {
      throw new Error(`Document id "${document.id}" was added twice; ids must be unique.`);
    }
    const doc = this.ids.length;
    this.ids.push(document.id);
    this.idToDoc.set(document.id, doc);
    const frequencies = new Map<number, number>();
    const sequence: number[] = [];
    let length = 0;
    const fields: [string | readonly string[] | undefined, number][] = [
      [document.title, this.weights.title],
      [document.heading, this.weights.heading],
      [document.text, this.weights.text],
      [document.context, this.weights.context],
    ];
    for (const [value, weight] of fields) {
      const segments = typeof value === "string" ? [value] : (value ?? []);
      if (segments.length === 0 || segments.every((segment) => segment === "")) continue;
      if (sequence.length > 0) for (let i = 0; i < GAP_WIDTH; i++) sequence.push(FIELD_GAP);
      for (const segment of segments) {
        for (const token of this.analyzeOnce(segment)) {
          const id = this.termId(token.term);
          if (!this.surfaces.has(token.surface)) this.surfaces.set(token.surface, token.term);
          frequencies.set(id, (frequencies.get(id) ?? 0) + weight);
          sequence.push(id);
          length += weight;
        }
      }
    }
    for (const [id, tf] of frequencies) {
      this.postingDocs[id]!.push(doc);
      this.postingTfs[id]!.push(tf);
    }
    this.lengths.push(length);
    this.sequences.push(this.storePositions ? Uint32Array.from(sequence) : undefined);
  }

  build(): InvertedIndex {
    this.analysed.clear();
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    return {
      ids: this.ids,
      idToDoc: this.idToDoc,
      lengths: Float32Array.from(this.lengths),
      averageLength: this.ids.length === 0 ? 1 : Math.max(total / this.ids.length, 1e-9),
      termIds: this.termIds,
      terms: this.terms,
      surfaces: this.surfaces,
      postings: this.postingDocs.map((docs, id) => ({
        docs: Int32Array.from(docs),
        tfs: Float32Array.from(this.postingTfs[id]!),
      })),
      sequences: this.sequences,
    };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postingDocs.push([]);
      this.postingTfs.push([]);
    }
    return id;
  }
}

/** Whether a document contains a term: binary search in the term's sorted postings. */
export function containsTerm(postings: Postings, doc: number): boolean {
  let low = 0;
  let high = postings.docs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = postings.docs[middle]!;
    if (value === doc) return true;
    if (value < doc) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
