// Config -> ledger -> answer service, plus the optional model provider. The index lives at
// DATA_DIR/index/ledger.json, the same file the CLI uses, so either one builds it for both.
import path from "node:path";
import type { ModelAnswers } from "../../commands/types.ts";
import type { ThesisServiceOptions } from "../answer/service.ts";
import type { ThesisService } from "../answer/types.ts";
import type { Config } from "../config.ts";
import { type OpenedLedger, openLedger } from "../corpus/index-file.ts";
import type { IndexProgress, Ledger } from "../corpus/ledger.ts";
import { fileLines } from "../lib/text.ts";
import {
  createOpenAIProvider,
  type ModelProvider,
  providerOptionsFromConfig,
} from "../llm/index.ts";
import { openModelCache } from "../llm/persistent-cache.ts";
import { type StartedModel, startModel } from "../llm/start-model.ts";
import { createLiveCorpus, type LiveCorpus } from "../sources/live-corpus.ts";
import type { AppLog } from "./log.ts";
import { checkCorpusDir, checkDataDir, emptyCorpusWarning } from "./paths.ts";

export interface OpenedThesis {
  ledger: Ledger;
  /** The folder's corpus hash, for saving the ledger after a change (OpenedLedger). */
  folderHash: OpenedLedger["folderHash"];
  /** The ledger and service as sources are added, changed or removed (src/sources). */
  live: LiveCorpus;
  /** With a model, refined claim labels replace the rule-based ones once they are ready. */
  thesis: ThesisService;
  /** Constructed when a model is configured. */
  model: ModelProvider | null;
  /** For CommandContext.model: worded answers for /thesis ask; null without a model. */
  modelAnswers: ModelAnswers | null;
  /** Embeddings and label refinement started after start-up; settles when done. */
  background: Promise<void>;
  /** Stops background model work and closes the model cache. */
  close(): Promise<void>;
}

export interface OpenThesisOptions {
  /** Budget of one worded answer (default 2 s). */
  answerBudgetMs?: number;
  /** Told each time the quote check refuses a citation (the metrics count them). */
  onDroppedQuote?: () => void;
  /** Told how indexing goes, by stage (the console's progress bar). */
  progress?: StagedProgress;
}

/** A progress callback for the named stage of indexing. */
export type StagedProgress = (stage: string) => IndexProgress;

/** The stages of indexing, as a progress display names them. */
export const INDEXING_ARTICLES = "Indexing articles";
export const INDEXING_CLAIMS = "Indexing claims for search";

export function indexFileOf(config: Config): string {
  return path.join(config.DATA_DIR, "index", "ledger.json");
}

/**
 * The ledger of CORPUS_DIR, after checking both folders, with every warning handed to `warn`:
 * skipped files, an index that had to be rebuilt because it was unusable, an empty corpus.
 */
export async function openCorpus(
  config: Config,
  warn: (message: string) => void,
  progress?: StagedProgress,
): Promise<OpenedLedger> {
  await checkCorpusDir(config.CORPUS_DIR);
  await checkDataDir(config.DATA_DIR);
  const opened = await openLedger(config.CORPUS_DIR, indexFileOf(config), {
    ...(progress ? { onProgress: progress(INDEXING_ARTICLES) } : {}),
  });
  if (opened.indexProblem) warn(opened.indexProblem);
  for (const warning of opened.ledger.warnings) warn(`Corpus: ${warning}`);
  if (opened.ledger.documents.length === 0) warn(emptyCorpusWarning(config.CORPUS_DIR));
  return opened;
}

export async function openThesis(
  config: Config,
  log: AppLog,
  options: OpenThesisOptions = {},
): Promise<OpenedThesis> {
  const opened = await openCorpus(config, (message) => log.warn(message), options.progress);
  const { ledger } = opened;
  const how = opened.rebuiltBecause ? `index built (${opened.rebuiltBecause})` : "index reused";
  log.info(
    `Corpus: ${ledger.documents.length} sources, ${ledger.claims.length} claims; ${how} in ${Math.round(opened.ms)} ms.`,
  );
  const serviceOptions: ThesisServiceOptions = {
    sourceTexts: opened.sourceTexts,
    onDroppedCitation: ({ citation, reason }) => {
      options.onDroppedQuote?.();
      log.warn(`Quote check dropped ${fileLines(citation.file, citation.lines)} (${reason}).`);
    },
  };
  const live = createLiveCorpus(ledger, {
    ...serviceOptions,
    ...(options.progress ? { onProgress: options.progress(INDEXING_CLAIMS) } : {}),
  });
  const thesis = live.thesis;
  const providerOptions = providerOptionsFromConfig(config);
  if (!providerOptions) {
    log.info("Model: off (answers are extractive).");
    return {
      ledger,
      folderHash: opened.folderHash,
      live,
      thesis,
      model: null,
      modelAnswers: null,
      background: Promise.resolve(),
      close: async () => {},
    };
  }

  const cache = await openModelCache({
    dataDir: config.DATA_DIR,
    ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}),
  });
  // Calls cut short by close() are expected, not worth a warning each.
  let closing = false;
  const model = createOpenAIProvider({
    ...providerOptions,
    cache,
    logger: {
      warn: (message, details) => {
        if (!closing) log.warn(details ? `${message} ${JSON.stringify(details)}` : message);
      },
    },
  });
  // Refined labels become the live ledger's, so sources added later keep them.
  const service = { thesis, swap: (refined: ThesisService) => live.adopt(refined) };
  const started: StartedModel = startModel({
    provider: model,
    ledger,
    serviceOptions,
    service,
    // Sources added at runtime are embedded, and quoted from the corpus as it is now.
    corpus: live,
    cache,
    log,
    ...(options.answerBudgetMs === undefined ? {} : { budgetMs: options.answerBudgetMs }),
  });
  log.info(
    `Model: on (${model.model}${model.embeddingModel ? `, embeddings ${model.embeddingModel}` : ""}).`,
  );
  return {
    ledger,
    folderHash: opened.folderHash,
    live,
    thesis,
    model,
    modelAnswers: started.answers,
    background: started.background,
    async close() {
      closing = true;
      started.stop();
      await started.background;
      await cache.close();
    },
  };
}

/** Gives every run the model, for adapters that build CommandContext without it. */
