// Scores topics, stance, ask and risks on a foreign corpus: the IBM Debater Claim Stance
// layout (claims.json + articles/tN/clean_*.txt, see its README). Each topic is a corpus of
// its own: a ledger of its articles only, asked `bullbear <topicTarget>`, `ask <topicText>`
// and `risks`. A quote is a gold claim when it holds a labelled claim's text (or most of
// it) from the same article; it is on the right side when its side agrees with the claim's
// stance toward the target (PRO on a motion against its target is bearish on the target).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createThesisService } from "../answer/service.ts";
import { buildLedger } from "../corpus/ledger.ts";
import type { Citation } from "../corpus/types.ts";
import { oneLine } from "../lib/text.ts";
import { EvalInputError } from "./input-error.ts";

const claimStanceSchema = z.array(
  z.object({
    topicId: z.number(),
    topicText: z.string(),
    topicTarget: z.string(),
    topicSentiment: z.union([z.literal(1), z.literal(-1)]),
    claims: z.array(
      z.object({
        claimOriginalText: z.string(),
        stance: z.enum(["PRO", "CON"]),
        article: z.object({ cleanFile: z.string() }),
      }),
    ),
  }),
);
type ClaimStanceTopic = z.infer<typeof claimStanceSchema>[number];

const splitSchema = z.object({
  tune: z.array(z.number()),
  test: z.array(z.number()),
});

/** The topics split once by a fixed seed (see the file): tune on one half, report both. */
const SPLIT_FILE = fileURLToPath(
  new URL("../../test/fixtures/claim-stance-split.json", import.meta.url),
);

export interface TopicReport {
  topicId: number;
  target: string;
  answered: boolean;
  quotes: number;
  goldQuotes: number;
  rightSide: number;
  askPrecision3: number;
  risks: number;
}

export interface ClaimStanceReport {
  topics: number;
  /** Topics whose bullbear answered with at least one pair. */
  answered: number;
  /** Share of bullbear quotes that are gold claims, over all topics. */
  goldShare: number;
  /** Of the gold quotes, the share on the right side. */
  rightSideShare: number;
  /** Mean over topics of ask precision@3 on gold claims. */
  askPrecision3: number;
  risks: number;
  perTopic: TopicReport[];
}

const flat = (text: string) => oneLine(text).toLowerCase();
const lastTwo = (file: string) => file.split("/").slice(-2).join("/");

interface Gold {
  file: string;
  text: string;
  /** +1 bullish on the target, -1 bearish. */
  side: number;
}

function goldOf(topic: ClaimStanceTopic): Gold[] {
  return topic.claims.map((c) => ({
    file: lastTwo(c.article.cleanFile),
    text: flat(c.claimOriginalText),
    side: (c.stance === "PRO" ? 1 : -1) * topic.topicSentiment,
  }));
}

/** The gold claim a quote holds: all of it, or a quote that is most of one claim. */
export function goldClaimOf(citation: Citation, gold: readonly Gold[]): Gold | null {
  const quote = flat(citation.quote);
  const file = lastTwo(citation.file);
  return (
    gold.find(
      (g) =>
        g.file === file &&
        (quote.includes(g.text) || (g.text.includes(quote) && quote.length >= g.text.length / 2)),
    ) ?? null
  );
}

async function scoreTopic(dir: string, topic: ClaimStanceTopic): Promise<TopicReport> {
  const ledger = await buildLedger(path.join(dir, "articles", `t${topic.topicId}`));
  const thesis = createThesisService(ledger);
  const gold = goldOf(topic);
  const { pairs } = thesis.bullbear(topic.topicTarget);
  let quotes = 0;
  let goldQuotes = 0;
  let rightSide = 0;
  for (const pair of pairs) {
    for (const [citation, side] of [
      [pair.bull, 1],
      [pair.bear, -1],
    ] as const) {
      if (!citation) continue;
      quotes++;
      const match = goldClaimOf(citation, gold);
      if (!match) continue;
      goldQuotes++;
      if (match.side === side) rightSide++;
    }
  }
  const asked = thesis.ask(topic.topicText, { limit: 3 });
  const askGold = asked.citations.slice(0, 3).filter((c) => goldClaimOf(c, gold)).length;
  return {
    topicId: topic.topicId,
    target: topic.topicTarget,
    answered: pairs.length > 0,
    quotes,
    goldQuotes,
    rightSide,
    askPrecision3: askGold / 3,
    risks: thesis.risks().risks.length,
  };
}

/** The topics of a Claim Stance folder (its claims.json), each with its labelled claims. */
export async function readClaimStanceTopics(dir: string): Promise<ClaimStanceTopic[]> {
  return claimStanceSchema.parse(JSON.parse(await readFile(path.join(dir, "claims.json"), "utf8")));
}

/** The fixed split of the topic ids into halves. */
export async function readClaimStanceSplit(): Promise<z.infer<typeof splitSchema>> {
  return splitSchema.parse(JSON.parse(await readFile(SPLIT_FILE, "utf8")));
}

export async function evaluateClaimStance(
  dir: string,
  topicIds: readonly number[] | null,
): Promise<ClaimStanceReport> {
  const all = await readClaimStanceTopics(dir);
  const chosen = topicIds ? all.filter((t) => topicIds.includes(t.topicId)) : all;
  const perTopic: TopicReport[] = [];
  for (const topic of chosen) perTopic.push(await scoreTopic(dir, topic));
  const sum = (f: (t: TopicReport) => number) => perTopic.reduce((s, t) => s + f(t), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    topics: perTopic.length,
    answered: perTopic.filter((t) => t.answered).length,
    goldShare: ratio(
      sum((t) => t.goldQuotes),
      sum((t) => t.quotes),
    ),
    rightSideShare: ratio(
      sum((t) => t.rightSide),
      sum((t) => t.goldQuotes),
    ),
    askPrecision3: ratio(
      sum((t) => t.askPrecision3),
      perTopic.length,
    ),
    risks: sum((t) => t.risks),
    perTopic,
  };
}

/**
 * `evaluateClaimStance` over one half of the fixed split, or every topic when `split` is
 * undefined. A folder that cannot be evaluated is an EvalInputError naming it.
 */
export async function evaluateClaimStanceSplit(
  dir: string,
  split: "tune" | "test" | undefined,
): Promise<ClaimStanceReport> {
  const ids = split === undefined ? null : (await readClaimStanceSplit())[split];
  try {
    return await evaluateClaimStance(dir, ids);
  } catch (error) {
    throw new EvalInputError(`Could not evaluate ${dir}: ${(error as Error).message}`);
  }
}
