// `ask`: the passages that answer a question, best first, each a verified verbatim quote,
// led by one extractive sentence. When the best match covers too little of what was asked,
// the honest answer is that the corpus has nothing on it.
import { type AnalyzedQuery, type SearchHit, type SearchIndex, terms } from "../search/index.ts";
import { type AnswerType, expectedAnswer, offersAnswer } from "./answer-type.ts";
import { answerWith, citeDistinctPassages, claimsById } from "./cited-answer.ts";
import { statesPosition } from "./claim-features.ts";
import type { CorpusView } from "./corpus-view.ts";
import { passageSpan } from "./passage.ts";
import { passageCoverage } from "./passage-coverage.ts";
import { positionRanking } from "./position-answer.ts";
import type { AskResult } from "./types.ts";

export const ASK_DEFAULTS = {
  /** Passages shown. Defaults to 3. */
  limit: 3,
  /** Most passages a caller may ask for. Defaults to 10. */
  maxLimit: 10,
  /** Hits considered before passages are merged and cut to `limit`. Defaults to 30. */
  candidates: 30,
  /**
   * Minimum share of the question's words, weighed by how specific each is in general
   * English (search/background.ts), that one of the best hits must cover. Filler weighs
   * next to nothing, so "main", "please" or "for investors" cannot silence a question.
   * Defaults to 0.55.
   */
  minConfidence: 0.55,
  /** Score kept by a hit whose claim is a question. Defaults to 0.6. */
  questionWeight: 0.6,
  /**
   * Share of a hit's score it keeps when its cited passage holds none of the question's words
   * itself (only its neighbours do); the rest scales with how much the passage covers
   * (passage-coverage.ts). Chosen on the tune half and the extra set (0.1, 0.3, 0.5, 0.7
   * tried). Defaults to 0.5.
   */
  passageFloor: 0.5,
} as const;

/**
 * Is the corpus on topic for this question? Not when it names something the corpus never
 * mentions ("Solana", "the Talisman wallet", "2022"), nor when no hit covers enough of
 * what it asks, nor, for a how-to question, when no such hit mentions the action asked
 * about ("how do I bridge TAO to Ethereum" when no passage speaks of bridging), nor when the
 * question asks for an amount or a time and no such hit's passage holds a number or a date
 * ("what's the current price of TAO?" against "token price is not thesis quality").
 */
function onTopic(
  analyzed: AnalyzedQuery,
  hits: readonly SearchHit[],
  answers: (hit: SearchHit) => boolean,
): boolean {
  if (analyzed.unknownNames.length > 0) return false;
  const action = analyzed.action?.terms.map((entry) => entry.term);
  const coversAction = (hit: SearchHit) =>
    !action || hit.matchedTerms.some((term) => action.includes(term));
  return hits
    .slice(0, 10)
    .some(
      (hit) => hit.confidence >= ASK_DEFAULTS.minConfidence && coversAction(hit) && answers(hit),
    );
}

/** Does the passage cited for this hit hold an answer of the type asked (a number, a date)? */
function offersType(view: CorpusView, type: AnswerType | undefined) {
  return (hit: SearchHit) => {
    if (!type) return true;
    const claim = view.claim(hit.id);
    return (
      claim !== undefined &&
      offersAnswer(view.cite(claim.file, passageSpan(view, claim)).quote, type)
    );
  };
}

const sentencesOf = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?]["”’)]?)\s+(?=[A-Z“"‘$])/)
    .filter(Boolean);

/**
 * The lead answer: the sentence of the first passage that carries most of the question's
 * weight. A sentence that cannot stand alone ("That is the hidden asymmetry here.") takes
 * the next one along, or the one before at the end of the passage.
 */
export function leadAnswer(quote: string, analyzed: AnalyzedQuery): string {
  const sentences = sentencesOf(quote);
  let best = 0;
  let bestScore = -1;
  sentences.forEach((sentence, i) => {
    const own = new Set(terms(sentence));
    const matched = analyzed.groups.reduce(
      (sum, g) => sum + (g.terms.some((t) => own.has(t.term)) ? g.idf : 0),
      0,
    );
    // A question in the passage ("How is China using AI…?") does not answer one.
    const score = /\?["”’)]*$/.test(sentence) ? matched / 2 : matched;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  const chosen = sentences[best] ?? quote;
  const leans =
    /^(?:that|this|it|they|these|those|such)\b/i.test(chosen) && chosen.split(" ").length < 10;
  if (!leans && chosen.split(" ").length >= 5) return chosen;
  const next = sentences[best + 1];
  const previous = sentences[best - 1];
  return next ? `${chosen} ${next}` : previous ? `${previous} ${chosen}` : chosen;
}

/** How many passages an answer shows: `limit` clamped to 1..maxLimit. */
export const passagesWanted = (limit: number = ASK_DEFAULTS.limit): number =>
  Math.max(1, Math.min(ASK_DEFAULTS.maxLimit, Math.floor(limit)));

const NOTHING: AskResult = { found: false, answer: "", citations: [], claimIds: [] };

export function ask(
  view: CorpusView,
  index: SearchIndex,
  question: string,
  limit: number = ASK_DEFAULTS.limit,
): AskResult {
  const wanted = passagesWanted(limit);
  if (question.trim() === "") return NOTHING;
  const analyzed = index.analyze(question);
  const hits = index.searchAnalyzed(analyzed, { limit: ASK_DEFAULTS.candidates });
  if (!onTopic(analyzed, hits, offersType(view, expectedAnswer(question)))) return NOTHING;
  // A claim that is itself a question ("Who pays validators…?") rarely answers one, and a
  // passage that says what was asked beats one whose neighbours say it.
  const floor = ASK_DEFAULTS.passageFloor;
  const ranked = hits
    .map((hit) => ({
      hit,
      score:
        (view.claim(hit.id)?.kind === "question"
          ? hit.score * ASK_DEFAULTS.questionWeight
          : hit.score) *
        (floor + (1 - floor) * passageCoverage(view, analyzed, hit)),
    }))
    .sort((a, b) => b.score - a.score)
    .map((r) => r.hit);

  const usable = statesPosition(question)
    ? positionRanking(view, question, ranked)
    : ranked.filter((hit) => hit.matchedTerms.length > 0).map((hit) => hit.id);
  const verified = citeDistinctPassages(view, claimsById(view, usable), wanted);
  const first = verified[0];
  if (!first) return NOTHING;
  return answerWith(leadAnswer(first.quote, analyzed), verified);
}
