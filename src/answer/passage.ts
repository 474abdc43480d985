// A passage is a claim with enough of its neighbours to be read on its own: the claim,
// then the claims after and before it, while the quote stays under a length budget and
// nothing but white space lies between (never page furniture, never another section).
import type { Claim, OffsetSpan } from "../corpus/types.ts";
import type { CorpusView } from "./corpus-view.ts";

export const PASSAGE_MAX_CHARS = 300;

export function passageSpan(
  view: CorpusView,
  claim: Claim,
  maxChars = PASSAGE_MAX_CHARS,
): OffsetSpan {
  const doc = view.document(claim.file);
  const claims = view.claimsOf(claim.file);
  const at = view.positionOf(claim);
  if (!doc || at < 0) return claim.offsets;
  let first = at;
  let last = at;
  const joins = (a: Claim | undefined, b: Claim | undefined) =>
    a !== undefined &&
    b !== undefined &&
    a.sectionId === b.sectionId &&
    doc.text.slice(a.offsets[1], b.offsets[0]).trim() === "";
  // A subtitle that repeats the text's first sentence is not joined to it: the reader would
  // see the same sentence twice in one quote.
  const repeats = (c: Claim | undefined) =>
    claims.slice(first, last + 1).some((inside) => inside.text === c?.text);
  const width = (from: number, to: number) =>
    (claims[to]?.offsets[1] ?? 0) - (claims[from]?.offsets[0] ?? 0);
  for (let grew = true; grew; ) {
    grew = false;
    if (
      joins(claims[last], claims[last + 1]) &&
      !repeats(claims[last + 1]) &&
      width(first, last + 1) <= maxChars
    ) {
      last++;
      grew = true;
    } else if (
      joins(claims[first - 1], claims[first]) &&
      !repeats(claims[first - 1]) &&
      width(first - 1, last) <= maxChars
    ) {
      first--;
      grew = true;
    }
  }
  return [
    claims[first]?.offsets[0] ?? claim.offsets[0],
    claims[last]?.offsets[1] ?? claim.offsets[1],
  ];
}
