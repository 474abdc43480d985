// The search index over the ledger's claims. Each claim is searched as the passage that
// would be cited for it (the claim and its neighbours): "Closed frontier AI will not
// disappear. But it becomes the premium layer" answers a question about closed AI as the
// premium layer though neither sentence says both. The claims just outside that passage
// are low-weight context ("Open releases accumulate developers… It is a distributed
// improvement loop" answers how open releases improve models). The section heading counts
// as a word of the text, no more: boosted, it matched every claim of its section alike and
// outranked the claim that says what was asked (1.5 -> 1 on the tune half and the extra set;
// 0.3, 0.5, 0.7 no better). The source title is weighted low for the same reason, more so,
// since it matches every claim of its source.
import type { IndexProgress } from "../corpus/ledger.ts";
import { aliasExpansions } from "../corpus/topics.ts";
import type { Claim } from "../corpus/types.ts";
import { createSearchIndex, type SearchDocument, type SearchIndex } from "../search/index.ts";
import type { CorpusView } from "./corpus-view.ts";
import { passageSpan } from "./passage.ts";
import { QUESTION_SYNONYMS } from "./query-synonyms.ts";

export const CLAIM_FIELD_WEIGHTS = { title: 0.3, heading: 1, text: 1, context: 0.5 };

/** Reports each claim indexed to `onProgress` (every 1,000, and the last). */
export function buildClaimIndex(view: CorpusView, onProgress?: IndexProgress): SearchIndex {
  const claims = view.ledger.claims;
  const documents = onProgress
    ? reporting(claims, (claim) => claimDocument(view, claim), onProgress)
    : claimDocuments(view, claims);
  return createSearchIndex(documents, {
    aliases: { ...Object.fromEntries(aliasExpansions()), ...QUESTION_SYNONYMS },
    fieldWeights: CLAIM_FIELD_WEIGHTS,
    related: true,
    // Chosen on the tune half of the held-out questions (1.0, 0.8, 0.7, 0.6, 0.5 tried).
    specificityFloor: 0.6,
  });
}

/**
 * `index` (built by buildClaimIndex) with the claims of `removedIds` taken out and `added`
 * (claims of `view`'s ledger) put in: what one added, changed or removed source costs,
 * instead of indexing every claim again. A claim's passage never leaves its own file, so
 * the other files' documents are unchanged.
 */
export function updateClaimIndex(
  index: SearchIndex,
  view: CorpusView,
  added: readonly Claim[],
  removedIds: ReadonlySet<string>,
): SearchIndex {
  return index.withDocuments(claimDocuments(view, added), removedIds, {
    fieldWeights: CLAIM_FIELD_WEIGHTS,
  });
}

/** The documents one at a time, as the index takes them, counting as it goes. */
function* reporting(
  claims: readonly Claim[],
  documentOf: (claim: Claim) => SearchDocument,
  onProgress: IndexProgress,
): Generator<SearchDocument> {
  const total = claims.length;
  onProgress(0, total);
  for (const [i, claim] of claims.entries()) {
    yield documentOf(claim);
    if ((i + 1) % 1_000 === 0 || i + 1 === total) onProgress(i + 1, total);
  }
}

function claimDocuments(view: CorpusView, claims: readonly Claim[]): SearchDocument[] {
  return claims.map((claim) => claimDocument(view, claim));
}

function claimDocument(view: CorpusView, claim: Claim): SearchDocument {
  const span = passageSpan(view, claim);
  const siblings = view.claimsOf(claim.file);
  // Passages are runs of whole claims around this one: walk out from it rather than scan
  // the whole file for every claim. Each claim is a segment, analysed once per build.
  let firstAt = view.positionOf(claim);
  let lastAt = firstAt;
  while ((siblings[firstAt - 1]?.offsets[0] ?? -1) >= span[0]) firstAt--;
  while ((siblings[lastAt + 1]?.offsets[1] ?? Number.POSITIVE_INFINITY) <= span[1]) lastAt++;
  const inside = siblings.slice(firstAt, lastAt + 1);
  const context = [siblings[firstAt - 1], siblings[lastAt + 1]]
    .filter((c) => c !== undefined && c.sectionId === claim.sectionId)
    .map((c) => c?.text ?? "");
  return {
    id: claim.id,
    title: view.document(claim.file)?.title ?? "",
    heading: claim.section ?? "",
    text: inside.length > 0 ? inside.map((c) => c.text) : [claim.text],
    context,
  };
}
