// Config -> ledger -> answer service, plus the optional model provider. The index lives at
// DATA_DIR/index/ledger.json, the same file the CLI uses, so either one builds it for both.
import path from "node:path";
import { createThesisService } from "../answer/service.ts";
import type { ThesisService } from "../answer/types.ts";
import type { Config } from "../config.ts";
import { openLedger } from "../corpus/index-file.ts";
import type { Ledger } from "../corpus/ledger.ts";
import {
  createOpenAIProvider,
  type ModelProvider,
  providerOptionsFromConfig,
} from "../llm/index.ts";
import type { AppLog } from "./log.ts";

export interface OpenedThesis {
  ledger: Ledger;
  thesis: ThesisService;
  /** Constructed when a model is configured; answers do not use it yet. */
  model: ModelProvider | null;
}

export function indexFileOf(config: Config): string {
  return path.join(config.DATA_DIR, "index", "ledger.json");
}

export async function openThesis(config: Config, log: AppLog): Promise<OpenedThesis> {
  const opened = await openLedger(config.CORPUS_DIR, indexFileOf(config));
  const { ledger } = opened;
  for (const warning of ledger.warnings) log.warn(`Corpus: ${warning}`);
  const how = opened.rebuiltBecause ? `index built (${opened.rebuiltBecause})` : "index reused";
  log.info(
    `Corpus: ${ledger.documents.length} sources, ${ledger.claims.length} claims; ${how} in ${Math.round(opened.ms)} ms.`,
  );
  const thesis = createThesisService(ledger, {
    sourceTexts: opened.sourceTexts,
    onDroppedCitation: ({ citation, reason }) =>
      log.warn(`Quote check dropped ${citation.file}:${citation.lines.join("-")} (${reason}).`),
  });
  const options = providerOptionsFromConfig(config);
  const model = options ? createOpenAIProvider(options) : null;
  log.info(model ? `Model: on (${config.OPENAI_MODEL}).` : "Model: off (answers are extractive).");
  return { ledger, thesis, model };
}
