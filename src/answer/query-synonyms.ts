// Words people ask with that articles rarely use, mapped to the words articles answer with.
// Applied to every question alike (never to one question): "What did X compare Y to?" is
// answered by "Y is similar to …"; "the downside" by the risks.
export const QUESTION_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  compare: ["similar", "like", "akin", "analogous"],
  compared: ["similar", "like", "akin", "analogous"],
  comparison: ["similar", "like", "akin", "analogous"],
  downside: ["risk", "risks", "bear"],
  downsides: ["risk", "risks", "bear"],
  danger: ["risk", "risks"],
  dangers: ["risk", "risks"],
  bear: ["risk", "risks", "downside"],
  bears: ["risk", "risks", "downside"],
  bearish: ["bear", "risk"],
  upside: ["bull", "opportunity"],
  bullish: ["bull", "upside"],
  reason: ["because", "why"],
  cause: ["because", "driven"],
  caused: ["because", "driven"],
  future: ["will", "next"],
  cheap: ["cheaper", "cost"],
  cost: ["cheaper", "price", "pricing"],
};
