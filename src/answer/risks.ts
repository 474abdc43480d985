// The risk register: every distinct risk the sources raise, merged across sources, each
// labelled in the sources' own words and cited verbatim.
//
// 1. Units: consecutive risk claims of one paragraph are one risk; under a risk heading an
//    enumerated item ("Second, …") and the risk claims after it are one risk.
// 2. Units without substance ("The risks are real.") are dropped: a register entry must
//    say what could go wrong.
// 3. Units merge when they name the same harm about the same thing (risk-facets.ts) or
//    share most of their distinctive wording, unless both are separate items of one
//    author's numbered list.
import { ENUMERATION } from "../corpus/cue-data.ts";
import { raisesRisk } from "../corpus/kind.ts";
import type { Claim } from "../corpus/types.ts";
import { clip, oneLine } from "../lib/text.ts";
import { terms } from "../search/index.ts";
import type { CorpusView } from "./corpus-view.ts";
import {
  commonTopics,
  distinctiveTopics,
  GENERIC_RISK_WORDS,
  harmsOf,
  shareAny,
} from "./risk-facets.ts";
import type { RiskEntry } from "./types.ts";

const MIN_CONTENT_TERMS = 4;
const MIN_WORDING_OVERLAP = 0.5;
const MAX_CITATIONS_PER_SOURCE = 3;
/** A risk's label is cut to this length. Defaults to 110 characters. */
const RISK_LABEL_MAX_CHARS = 110;

interface RiskUnit {
  claims: Claim[];
  enumerated: boolean;
  harms: Set<string>;
  topics: Set<string>;
  words: Set<string>;
}

function contentTerms(text: string): Set<string> {
  return new Set(terms(text).filter((t) => !GENERIC_RISK_WORDS.has(t) && t.length > 2));
}

function unitsOf(view: CorpusView): RiskUnit[] {
  const units: RiskUnit[] = [];
  for (const doc of view.ledger.documents) {
    let current: RiskUnit | null = null;
    let previous: Claim | null = null;
    for (const claim of view.claimsOf(doc.file)) {
      const enumerated = ENUMERATION.test(claim.text.trim());
      const continues =
        current !== null &&
        previous !== null &&
        claim.kind === "risk" &&
        previous.kind === "risk" &&
        !enumerated &&
        (claim.paragraphId === previous.paragraphId ||
          (current.enumerated && claim.sectionId === previous.sectionId));
      if (claim.kind === "risk" && current && continues) {
        current.claims.push(claim);
      } else if (claim.kind === "risk") {
        current = {
          claims: [claim],
          enumerated,
          harms: new Set(),
          topics: new Set(),
          words: new Set(),
        };
        units.push(current);
      } else {
        current = null;
      }
      previous = claim;
    }
  }
  const common = commonTopics(view.ledger.claims);
  for (const unit of units) {
    const text = unit.claims.map((c) => c.text).join(" ");
    unit.harms = harmsOf(text);
    unit.topics = distinctiveTopics(unit.claims, common);
    unit.words = contentTerms(text);
  }
  return units.filter((u) => u.words.size >= MIN_CONTENT_TERMS);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

function mergeable(a: RiskUnit[], b: RiskUnit): boolean {
  return a.some((u) => {
    const sameList = u.enumerated && b.enumerated && u.claims[0]?.file === b.claims[0]?.file;
    if (sameList) return false;
    // The same harm to the same thing (a risk that names no topic may be about any): the
    // same harm word befalling the same noun, or the same bare harm word (harmsOf).
    const sameThing = shareAny(u.topics, b.topics) || u.topics.size === 0 || b.topics.size === 0;
    return (
      (sameThing && shareAny(u.harms, b.harms)) || overlap(u.words, b.words) >= MIN_WORDING_OVERLAP
    );
  });
}

/** "Second, Bittensor’s incentive design is still an experiment." -> "Bittensor’s incentive design is still an experiment" */
export function labelOf(group: RiskUnit[]): string {
  const candidates = group.map((u) => {
    const first = u.claims[0]?.text ?? "";
    return {
      enumerated: u.enumerated,
      text: tidy(u.enumerated ? firstSentence(first) : riskSentence(u.claims)),
    };
  });
  candidates.sort(
    (x, y) => Number(y.enumerated) - Number(x.enumerated) || x.text.length - y.text.length,
  );
  return candidates[0]?.text ?? "Risk";
}

const sentencesOf = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?]["”’)]?)\s+(?=[A-Z“"‘$])/)
    .filter(Boolean);
const firstSentence = (text: string) => sentencesOf(text)[0] ?? text;

/**
 * The sentence that raises the risk. One too short to stand alone ("It may fail.") takes
 * the sentence before it along ("Bittensor wants to become … — It may fail").
 */
function riskSentence(claims: readonly Claim[]): string {
  const sentences = claims.flatMap((c) => sentencesOf(c.text));
  const at = Math.max(
    0,
    sentences.findIndex((s) => raisesRisk(s)),
  );
  const sentence = sentences[at] ?? "";
  const before = sentences[at - 1];
  return sentence.split(" ").length < 5 && before
    ? `${before.replace(/[.:;]$/, "")} — ${sentence}`
    : sentence;
}

function tidy(sentence: string): string {
  let text = oneLine(sentence);
  text = text
    .replace(ENUMERATION, "")
    .replace(/^(?:but|and|so|notably|also|however),?\s+/i, "")
    .trim();
  text = text.replace(/[.:;]+$/, "");
  text = clip(text, RISK_LABEL_MAX_CHARS);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function riskRegister(view: CorpusView, topic: string | null): RiskEntry[] {
  const groups: RiskUnit[][] = [];
  for (const unit of unitsOf(view)) {
    const home = groups.find((g) => mergeable(g, unit));
    if (home) home.push(unit);
    else groups.push([unit]);
  }
  const entries: (RiskEntry & { order: number })[] = [];
  groups.forEach((group, order) => {
    const claims = group.flatMap((u) => u.claims);
    if (topic && !claims.some((c) => c.topics.includes(topic))) return;
    const perSource = new Map<string, number>();
    const cited = group
      .map((u) => {
        const first = u.claims[0]!;
        const last = u.claims[u.claims.length - 1]!;
        return view.cite(first.file, [first.offsets[0], last.offsets[1]]);
      })
      .filter((c) => {
        const n = perSource.get(c.file) ?? 0;
        perSource.set(c.file, n + 1);
        return n < MAX_CITATIONS_PER_SOURCE;
      });
    const citations = view.verified(cited);
    if (citations.length === 0) return;
    entries.push({
      label: labelOf(group),
      sources: new Set(citations.map((c) => c.file)).size,
      citations,
      order,
    });
  });
  // Risks raised by more sources first; then the order in which the sources raise them.
  entries.sort((a, b) => b.sources - a.sources || a.order - b.order);
  return entries.map(({ order: _, ...entry }) => entry);
}
