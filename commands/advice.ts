// When a reply gets the "not financial advice" footer. Decision: whenever the question, the
// topic or a quoted passage touches money — the crypto and $TAO topics, or words about
// investing, prices and trading — because that is when a reader might take a quote as a
// recommendation. Answers about, say, export controls stay uncluttered.
import { topicsIn } from "../src/corpus/topics.ts";
import { NOT_ADVICE_FOOTER } from "../src/reply/build.ts";

const INVESTMENT_TOPICS = new Set(["tao", "crypto"]);

const INVESTMENT_WORDS =
  /\b(?:invest\w*|prices?|pric(?:ed|ing)|buy\w*|sell\w*|tokens?|returns?|valuations?|portfolios?|stocks?|trad(?:e|es|ed|ing)|profits?|yields?|market caps?|bull\w*|bear\w*|emissions?|staking|stake)\b/i;

export function touchesInvestment(...texts: string[]): boolean {
  return texts.some(
    (text) =>
      INVESTMENT_WORDS.test(text) || topicsIn(text).some((topic) => INVESTMENT_TOPICS.has(topic)),
  );
}

export function adviceFooter(...texts: string[]): { footer?: string } {
  return touchesInvestment(...texts) ? { footer: NOT_ADVICE_FOOTER } : {};
}

export function isInvestmentTopic(topicId: string): boolean {
  return INVESTMENT_TOPICS.has(topicId);
}
