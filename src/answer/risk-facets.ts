// Kinds of risk that articles name in different words. Two risks with the same facet are
// one risk for the register, whichever source raised them ("outcome is uncertain" and
// "whether that bet pays off is genuinely uncertain"). Data, not code: any article is read
// through the same list; the first facet whose pattern matches wins.

/** A facet only decides which risks merge; a risk's label is always the sources' own words. */
export interface RiskFacet {
  id: string;
  pattern: RegExp;
}

export const RISK_FACETS: readonly RiskFacet[] = [
  {
    id: "valuation",
    pattern: /\b(?:overvalued|token price|still be early|thesis quality)\b/i,
  },
  {
    id: "loss-of-capital",
    pattern: /\b(?:lose all|lose your|principal|fluctuat\w*|draw ?down|investment carries)\b/i,
  },
  {
    id: "trust-security",
    pattern:
      /\b(?:censorship|political filtering|vulnerab\w*|malicious|unsafe|trust issues|security assurance|weaknesses)\b/i,
  },
  {
    id: "political-scrutiny",
    pattern: /\b(?:scrutiny|embedded bias|concerns over)\b/i,
  },
  {
    id: "dependency",
    pattern: /\b(?:dependency|dependence|platform risk|access risk|lose access|lock-in|revoked)\b/i,
  },
  {
    id: "uncertain-outcome",
    pattern:
      /\b(?:outcome\b[^.]*\buncertain|genuinely uncertain|uncertain\b[^.]*\bbet|pays off is)\b/i,
  },
  {
    id: "incentive-design",
    pattern: /\b(?:gamed|incentive design|wrong behavior|reward noise)\b/i,
  },
  {
    id: "adoption-barrier",
    pattern: /\b(?:ux|wallets|barrier to adoption|governance complexity)\b/i,
  },
  {
    id: "centralization",
    pattern: /\b(?:centralized cloud|dominated by|centralized infrastructure)\b/i,
  },
];

/** Words too general to tell one risk from another when comparing wording. */
export const GENERIC_RISK_WORDS = new Set([
  "risk",
  "risks",
  "risky",
  "major",
  "real",
  "may",
  "might",
  "can",
  "could",
  "still",
  "also",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "there",
  "are",
  "the",
  "this",
  "that",
  "those",
]);
