// Word lists the claim classifier reads. They describe English argument, not these seeds:
// a new article is classified by the same lists. Entries are lower case; a trailing "*"
// matches any ending ("vulnerab*" -> vulnerable, vulnerability).

export const DISCLAIMER_CUES = [
  "not financial advice",
  "not investment advice",
  "do your own research",
  "dyor",
  "i may own",
  "i own",
  "for informational purposes",
  "please carefully assess",
  "consult a",
  "consult your",
  "past performance",
  "disclaimer",
];

/** Phrases that look like risk words but are not a risk being raised. */
export const RISK_FALSE_FRIENDS = [
  "risk management",
  "risk-free",
  "de-risk",
  "risk appetite",
  "risk-on",
  "risk-based",
  "risk-adjusted",
  // "concerns" as the verb "is about" ("This entry concerns the…"), "concerned with" as "about".
  "concerns the",
  "concerns a",
  "concerns an",
  "concerns this",
  "concerns its",
  "concerns itself",
  "concerned with",
  // Taking risks is an act (often praised), not a harm that may come.
  "take risks",
  "takes risks",
  "taking risks",
  "took risks",
  "take a risk",
  "take the risk",
  "risk-taking",
  "risk taking",
];

/** Removing a risk is not raising one ("lowers the barrier to entry", "reduce dependency"). */
export const RISK_REMOVALS =
  /\b(?:lower|lowers|lowering|reduce|reduces|reducing|remove|removes|removing|cut|cuts|mitigate|mitigates|mitigating|eliminate|eliminates|eliminating|prevent|prevents|preventing|avoid|avoids|avoiding)\s+(?:the\s+)?(?:\w+\s+)?(?:barriers?|risks?|dependency|dependence|failures?|losses?)\b|\b(?:barriers?|risks?|dependency|dependence)\b[^.;]{0,40}\b(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?(?:reduced|lowered|removed|mitigated|eliminated)\b/i;

/** Words that raise a risk on their own ("carries real liabilities", "may lose"). */
export const RISK_CUES = [
  "risk",
  "risks",
  "risky",
  "vulnerab*",
  "overvalued",
  "draw down",
  "drawdown",
  "uncertain",
  "uncertainty",
  "dependency",
  "lock-in",
  "bubble",
  "volatil*",
  "fluctuate*",
  "insecure",
  "unsafe",
  "malicious",
  "political filtering",
  "weakness*",
  "reward noise",
  "wrong behavior",
  "not guaranteed",
  "cannot compete",
];

/**
 * Words that raise a risk only about what may happen ("It may fail", "crypto UX is still a
 * barrier", "you may lose all your principal"); stated as plain fact they describe or
 * narrate ("physical failure, sensing noise", "the war's huge losses of life", "press
 * censorship was debated", "the States concerned").
 */
export const WEAK_RISK_CUES = [
  "liabilit*",
  "censorship",
  "scrutiny",
  "lose",
  "losing",
  "loss",
  "losses",
  "concern",
  "concerns",
  "concerned",
  "fail",
  "fails",
  "failure",
  "barrier*",
  "gamed",
  "experiment",
  "too early",
  "noise",
];
export const POSSIBILITY = /\b(?:may|might|could|can|if|still|would)\b/i;

/** A negation this many words before a risk word dismisses it ("not dismissing those concerns"). */
export const RISK_NEGATION_WINDOW = 5;

/** Risk words that describe a subject as a threat to others ("… is becoming extremely dangerous"). */
export const THREAT_CUES = ["danger*", "threat*", "formidable", "menac*"];

export const RISK_DISMISSALS =
  /\brisks?\b[^.]{0,30}\b(?:do not|don't|does not|cannot|can't|won't)\b|\bas far as\b[^.]{0,60}\bconcerned\b|\b(?:less|least)\s+(?:risky|vulnerable|uncertain)\b/i;

/** Words that start an enumerated item ("First, …"): in a risk section each is one risk. */
export const ENUMERATION =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|finally|lastly|also)\b,?/i;

/** Openers that end a run of risks ("So $TAO is not simply …", "But those risks …"). */
export const RUN_BREAKERS = /^(?:so|but|however|still|yet|that said|in short|overall)\b/i;

export const QUESTION_END = /\?["”’)]*$/;

export const STATISTIC_PATTERN =
  /\d+(?:\.\d+)?\s?(?:%|percent\b)|[$€£¥]\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s?(?:x|times|billion|million|trillion|bn)\b|\bby token count\b/i;

/** Advice: "should"/"must" with any subject, "need to" only when someone is told to. */
export const RECOMMENDATION_PATTERN =
  /\b(?:should|ought to|must|it is (?:wise|prudent|essential))\b|\b(?:you|we|investors|builders|policymakers|enterprises|companies|firms|founders|developers) (?:need to|have to)\b|^(?:consider|avoid|buy|sell|watch|do|don't|please|use|remember|focus|think)\b/i;

export const PREDICTION_PATTERN =
  /\b(?:will|won't|going to|is becoming|are becoming|becomes|become|may|might|could|likely|unlikely|expects?|expected|forecast|next decade|future|eventually|increasingly|is set to|poised to|endgame)\b/i;

export const HEDGE_PATTERN =
  /\b(?:may|might|could|likely|unlikely|probably|possibly|perhaps|appears?|seems?|reportedly|suggests?|suggested|potentially|arguably|uncertain)\b/i;

/** Section headings that set a stance for what stands under them. */
export const BEAR_HEADING =
  /\b(?:risks?|risk-free|bear case|downside|dangers?|warning|threats?|what could go wrong|caveats?)\b/i;
export const WARNING_HEADING = /\b(?:risk warning|disclaimer|disclosure)s?\b/i;
export const BULL_HEADING = /\b(?:bull case|upside|the case for)\b/i;
