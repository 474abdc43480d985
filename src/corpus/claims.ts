// Turns a segmented file into claims: span, kind, topics and stance, using the section a
// claim stands in ("But This Is Not a Risk-Free Trade" makes its numbered items risks, and
// risks against the topic the article was arguing for).
import { hash } from "node:crypto";
import { groupClaimSentences } from "./claim-spans.ts";
import {
  BEAR_HEADING,
  BULL_HEADING,
  RUN_BREAKERS,
  THREAT_CUES,
  WARNING_HEADING,
} from "./cue-data.ts";
import { compileCues, hasCue } from "./cues.ts";
import { classifyKind, isEnumerated, isHedged } from "./kind.ts";
import { linesOf } from "./lines.ts";
import type { Segmented } from "./segment.ts";
import { stancesIn } from "./stance.ts";
import { topicsIn, withImpliedTopics } from "./topics.ts";
import type { Claim, Section, Sentence, Stance } from "./types.ts";

export function claimId(file: string, start: number, end: number): string {
  return hash("sha256", `${file}\u0000${start}\u0000${end}`, "hex").slice(0, 10);
}

const THREATS = compileCues(THREAT_CUES);

/**
 * A claim's text: the file's text at its offsets. Quotes are defined over lines joined with
 * "\n", so a CRLF file's line breaks read as "\n".
 */
export const claimTextAt = (text: string, offsets: readonly [number, number]): string =>
  text.slice(offsets[0], offsets[1]).replace(/\r\n/g, "\n");

interface SectionContext {
  section: Section;
  risk: boolean;
  warning: boolean;
  /** Stance the heading sets for the topics it is about, if any. */
  stance: Stance | null;
  /** Topics the section argues about: its heading's, else the nearest earlier heading's. */
  topics: string[];
}

function sectionContexts(sections: readonly Section[], title: string): Map<string, SectionContext> {
  const contexts = new Map<string, SectionContext>();
  let inherited = topicsIn(title);
  for (const section of sections) {
    const heading = section.heading ?? "";
    const own = topicsIn(heading);
    const warning = WARNING_HEADING.test(heading);
    const risk = warning || (BEAR_HEADING.test(heading) && !BULL_HEADING.test(heading));
    const stance: Stance | null = risk ? "bear" : BULL_HEADING.test(heading) ? "bull" : null;
    contexts.set(section.id, {
      section,
      risk,
      warning,
      stance,
      topics: own.length ? own : inherited,
    });
    if (own.length) inherited = own;
  }
  return contexts;
}

export function extractClaims(
  file: string,
  sourceId: string,
  title: string,
  text: string,
  lineStarts: number[],
  segmented: Segmented,
): Claim[] {
  const contexts = sectionContexts(segmented.sections, title);
  const sectionOfParagraph = new Map(segmented.paragraphs.map((p) => [p.id, p.sectionId]));
  const sectionOf = (s: Sentence) => sectionOfParagraph.get(s.paragraphId) ?? "";
  const claims: Claim[] = [];
  let inRiskRun = false;
  let runSection = "";

  for (const group of groupClaimSentences(segmented.sentences, sectionOf)) {
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) continue;
    const offsets: [number, number] = [first.offsets[0], last.offsets[1]];
    const claimText = claimTextAt(text, offsets);
    const sectionId = sectionOf(first);
    const ctx = contexts.get(sectionId);
    if (runSection !== sectionId || RUN_BREAKERS.test(claimText)) inRiskRun = false;
    runSection = sectionId;
    if (ctx?.risk && isEnumerated(claimText)) inRiskRun = true;

    const kind = classifyKind(claimText, {
      riskSection: ctx?.risk ?? false,
      warningSection: ctx?.warning ?? false,
      inRiskRun,
    });
    const stances = claimStances(claimText, kind, ctx);
    claims.push({
      id: claimId(file, offsets[0], offsets[1]),
      text: claimText,
      file,
      sourceId,
      lines: linesOf(lineStarts, offsets),
      offsets,
      sectionId,
      section: ctx?.section.heading ?? null,
      paragraphId: first.paragraphId,
      kind,
      topics: Object.keys(stances),
      stances,
      hedged: isHedged(claimText),
    });
  }
  return claims;
}

/**
 * The claim's own reading, then its section's: a risk counts against the topics it names
 * without a clear stance and against the topic its section argues about; a claim under a
 * "bull case" heading counts for that topic unless it clearly says otherwise.
 */
function claimStances(
  text: string,
  kind: Claim["kind"],
  ctx: SectionContext | undefined,
): Record<string, Stance> {
  const stances = stancesIn(text);
  if (kind === "disclaimer" || kind === "question") {
    for (const topic of Object.keys(stances)) stances[topic] = "neutral";
    return stances;
  }
  // A risk counts against what it names ("It may fail.") and, under a risk heading, against
  // what the section argues about. A threat word is the exception: "Chinese open-weight AI
  // is becoming extremely dangerous" names a threat to its rivals, not a risk to itself.
  if (kind === "risk") {
    if (!hasCue(THREATS, text)) {
      for (const topic of Object.keys(stances))
        if (stances[topic] === "neutral") stances[topic] = "bear";
    }
    if (ctx?.risk) {
      for (const topic of withImpliedTopics(ctx.topics))
        if (stances[topic] !== "bull") stances[topic] = "bear";
    }
    return stances;
  }
  if (ctx?.stance === "bull") {
    for (const topic of withImpliedTopics(ctx.topics))
      if (!stances[topic] || stances[topic] === "neutral") stances[topic] = "bull";
  }
  return stances;
}
