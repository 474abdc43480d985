// Changes a frozen InvertedIndex by a few documents without analysing the rest again: the
// new documents are analysed on their own (the same builder, so the same field weights and
// tokens), then merged into copies of the postings they touch. Removed documents become
// tombstones: their number stays taken, but they leave idToDoc and every posting, so no
// search finds them and idf and average length count only live documents. The new index takes
// over the old one's maps and lists instead of copying them (copying the maps of 100,000
// documents costs more than the rest of the change), so the old one must not be used again:
// SearchIndex.withDocuments retires it.
import {
  FIELD_GAP,
  type IndexBuildOptions,
  type InvertedIndex,
  InvertedIndexBuilder,
  type Postings,
} from "./inverted-index.ts";
import type { SearchDocument } from "./types.ts";

export function updateInvertedIndex(
  index: InvertedIndex,
  add: Iterable<SearchDocument>,
  remove: ReadonlySet<string>,
  options: IndexBuildOptions = {},
): InvertedIndex {
  const { idToDoc, postings, sequences, termIds, terms, surfaces, ids } = index;
  const added = [...add];

  const dead = new Set<number>();
  for (const id of remove) {
    const doc = idToDoc.get(id);
    if (doc === undefined) continue;
    dead.add(doc);
    idToDoc.delete(id);
  }
  if (dead.size > 0) {
    // The terms of the removed documents: their stored sequences, or every term without.
    const touched = new Set<number>();
    for (const doc of dead) {
      const sequence = sequences[doc];
      if (!sequence) {
        for (let t = 0; t < postings.length; t++) touched.add(t);
        break;
      }
      for (const t of sequence) if (t !== FIELD_GAP) touched.add(t);
    }
    for (const t of touched) postings[t] = withoutDocs(postings[t]!, dead);
    for (const doc of dead) sequences[doc] = undefined;
  }

  const delta = new InvertedIndexBuilder(options);
  for (const document of added) {
    // A document re-added under the id it is replacing is a fresh document.
    if (idToDoc.has(document.id))
      throw new Error(`Document id "${document.id}" is already indexed; remove it first.`);
    delta.add(document);
  }
  const fresh = delta.build();
  const base = index.ids.length;
  const global = fresh.terms.map((term) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
      postings.push({ docs: new Int32Array(0), tfs: new Float32Array(0) });
    }
    return id;
  });
  for (const [local, list] of fresh.postings.entries()) {
    const id = global[local]!;
    postings[id] = appended(postings[id]!, list, base);
  }
  for (const [surface, term] of fresh.surfaces)
    if (!surfaces.has(surface)) surfaces.set(surface, term);
  ids.push(...fresh.ids);
  for (const [i, id] of fresh.ids.entries()) idToDoc.set(id, base + i);
  const lengths = new Float32Array(ids.length);
  lengths.set(index.lengths);
  lengths.set(fresh.lengths, base);
  for (const doc of dead) lengths[doc] = 0;
  for (const sequence of fresh.sequences)
    sequences.push(sequence?.map((t) => (t === FIELD_GAP ? FIELD_GAP : global[t]!)));

  let total = 0;
  for (const length of lengths) total += length;
  return {
    ids,
    idToDoc,
    lengths,
    averageLength: idToDoc.size === 0 ? 1 : Math.max(total / idToDoc.size, 1e-9),
    termIds,
    terms,
    surfaces,
    postings,
    sequences,
  };
}

function withoutDocs(list: Postings, dead: ReadonlySet<number>): Postings {
  let kept = 0;
  for (const doc of list.docs) if (!dead.has(doc)) kept++;
  const docs = new Int32Array(kept);
  const tfs = new Float32Array(kept);
  let at = 0;
  for (let i = 0; i < list.docs.length; i++) {
    if (dead.has(list.docs[i]!)) continue;
    docs[at] = list.docs[i]!;
    tfs[at++] = list.tfs[i]!;
  }
  return { docs, tfs };
}

/** Postings stay sorted by document: new documents are numbered after every old one. */
function appended(list: Postings, more: Postings, base: number): Postings {
  const docs = new Int32Array(list.docs.length + more.docs.length);
  docs.set(list.docs);
  for (let i = 0; i < more.docs.length; i++) docs[list.docs.length + i] = more.docs[i]! + base;
  const tfs = new Float32Array(list.tfs.length + more.tfs.length);
  tfs.set(list.tfs);
  tfs.set(more.tfs, list.tfs.length);
  return { docs, tfs };
}
