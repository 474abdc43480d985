// Measuring the bot: search on BEIR folders (lexical and hybrid), `ask` on question files and
// topics, stance, `ask` and risks on the IBM Claim Stance corpus. Only the CLI's `eval` and
// the tests use it; nothing the bot runs imports it.
export { type BeirOptions, type BeirReport, evaluateBeir } from "./beir.ts";
export {
  evaluateBeirHybrid,
  evaluateBeirHybridWithConfig,
  type HybridBeirReport,
} from "./beir-hybrid.ts";
export { BeirDataError } from "./beir-load.ts";
export { type ClaimStanceReport, evaluateClaimStanceSplit } from "./claim-stance.ts";
export { EvalInputError } from "./input-error.ts";
export { evaluateQuestions, type QuestionReport, readQuestionFile } from "./questions.ts";
export { drawRiskSample, type RiskSample } from "./risk-sample.ts";
