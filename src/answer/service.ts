// The grounded-answer layer behind every surface: one object over one ledger. It knows
// nothing of Discord, Slack or models; every citation it returns has passed the quote check.
import type { IndexProgress, Ledger } from "../corpus/ledger.ts";
import type { SourceTexts } from "../corpus/live-sources.ts";
import { resolveTopic, topicIds, topicLabel, useTopics } from "../corpus/topics.ts";
import type { SearchIndex } from "../search/index.ts";
import { ask } from "./ask.ts";
import { bullBear } from "./bullbear.ts";
import { buildClaimIndex } from "./claim-index.ts";
import { type CorpusView, createCorpusView } from "./corpus-view.ts";
import { passageSpan } from "./passage.ts";
import type { DroppedCitation } from "./quote-check.ts";
import { riskRegister } from "./risks.ts";
import { resolveTarget } from "./target.ts";
import type { ThesisService } from "./types.ts";

export interface ThesisServiceOptions {
  /** Told about every citation the quote check refused (it should log it). */
  onDroppedCitation?: (dropped: DroppedCitation) => void;
  /** The articles as they are on disk (openLedger's sourceTexts): quotes are checked against them. */
  sourceTexts?: SourceTexts;
  /**
   * The claim index of this ledger when the caller already has it (src/sources updates one
   * incrementally when a source is added or removed); built here otherwise.
   */
  claimIndex?: SearchIndex;
  /** This ledger's view, built with these options, when the caller already has it (as above). */
  corpusView?: CorpusView;
  /** Told of each claim as the claim index is built here (the CLI's progress bar). */
  onIndexProgress?: IndexProgress;
}

export function createThesisService(
  ledger: Ledger,
  options: ThesisServiceOptions = {},
): ThesisService {
  // The ledger's topics are the ones its claims were read against.
  useTopics(ledger.topics);
  const view =
    options.corpusView ??
    createCorpusView(ledger, options.onDroppedCitation ?? (() => {}), options.sourceTexts);
  const index = options.claimIndex ?? buildClaimIndex(view, options.onIndexProgress);
  // Topics the claims name, most named first (curated before discovered on a tie).
  const counts = new Map<string, number>();
  for (const c of ledger.claims) for (const t of c.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const topicCounts = topicIds()
    .map((id) => ({ id, label: topicLabel(id), claims: counts.get(id) ?? 0 }))
    .filter((t) => t.claims > 0)
    .sort((a, b) => b.claims - a.claims);
  return {
    sources: () =>
      ledger.documents.map((d) => ({
        id: d.id,
        file: d.file,
        title: d.title,
        ...(d.outlet ? { outlet: d.outlet } : {}),
        ...(d.author ? { author: d.author } : {}),
        ...(d.url ? { url: d.url } : {}),
        lines: d.lineStarts.length,
        claims: view.claimsOf(d.file).length,
      })),
    ask: (question, opts) => ask(view, index, question, opts?.limit),
    risks(topic) {
      const resolved = topic ? resolveTopic(topic) : null;
      if (topic && !resolved) return { risks: [] };
      return { risks: riskRegister(view, resolved) };
    },
    bullbear(topic) {
      const target = resolveTarget(topic, ledger.claims);
      if (!target) return { topic, label: topic, known: false, pairs: [] };
      return {
        topic: target.topic,
        label: target.label,
        known: true,
        pairs: bullBear(view, target),
      };
    },
    quote(claimId) {
      const claim = view.claim(claimId.trim().toLowerCase());
      if (!claim) return null;
      const [context] = view.verified([view.cite(claim.file, passageSpan(view, claim, 600))]);
      return context ? { claim, context } : null;
    },
    claims(filter = {}) {
      const topic = filter.topic ? resolveTopic(filter.topic) : undefined;
      if (filter.topic && !topic) return [];
      return ledger.claims.filter(
        (c) => (!topic || c.topics.includes(topic)) && (!filter.kind || c.kind === filter.kind),
      );
    },
    topics: () => topicCounts,
  };
}
