// Draws risk-register entries at random for a person to judge blind: every entry of every
// Claim Stance topic (each topic a corpus of its own, as the claim-stance eval builds it),
// shuffled with a seeded Fisher-Yates, the first n kept. The same seed and code give the
// same sample, so a judged sample can be drawn again and compared after a change.
import path from "node:path";
import { createThesisService } from "../answer/service.ts";
import { buildLedger } from "../corpus/ledger.ts";
import { seededRandom } from "../lib/seeded-random.ts";
import { readClaimStanceSplit, readClaimStanceTopics } from "./claim-stance.ts";
import { EvalInputError } from "./input-error.ts";

export interface RiskSampleEntry {
  topicId: number;
  split: "tune" | "test";
  /** The entry's first citation: what a reader judges. */
  file: string;
  lines: [number, number];
  quote: string;
  /** The register's label for the entry, and how many citations it merged. */
  label: string;
  citations: number;
}

export interface RiskSample {
  about: string;
  seed: number;
  population: number;
  /** Entries per half before sampling. */
  populationByHalf: { tune: number; test: number };
  sample: RiskSampleEntry[];
}

/** A fixed shuffle of `items`: Fisher-Yates driven by mulberry32(seed). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function entriesOf(dir: string, topicId: number, split: "tune" | "test") {
  const ledger = await buildLedger(path.join(dir, "articles", `t${topicId}`));
  const { risks } = createThesisService(ledger).risks();
  return risks.flatMap((risk): RiskSampleEntry[] => {
    const first = risk.citations[0];
    if (!first) return [];
    return [
      {
        topicId,
        split,
        file: first.file.split("/").slice(-2).join("/"),
        lines: first.lines,
        quote: first.quote,
        label: risk.label,
        citations: risk.citations.length,
      },
    ];
  });
}

export async function drawRiskSample(dir: string, size: number, seed: number): Promise<RiskSample> {
  let topicIds: number[];
  let split: { tune: number[]; test: number[] };
  try {
    topicIds = (await readClaimStanceTopics(dir)).map((t) => t.topicId).sort((a, b) => a - b);
    split = await readClaimStanceSplit();
  } catch (error) {
    throw new EvalInputError(`Could not read ${dir}: ${(error as Error).message}`);
  }
  const population: RiskSampleEntry[] = [];
  for (const id of topicIds)
    population.push(...(await entriesOf(dir, id, split.test.includes(id) ? "test" : "tune")));
  const count = (half: string) => population.filter((e) => e.split === half).length;
  return {
    about: `${size} risk-register entries drawn at random (mulberry32 seed ${seed}, Fisher-Yates over every entry of the ${topicIds.length} Claim Stance topics, each topic a corpus of its own). Judge each: does the first quoted passage state a possible harm, loss, failure or threat to something?`,
    seed,
    population: population.length,
    populationByHalf: { tune: count("tune"), test: count("test") },
    sample: seededShuffle(population, seed).slice(0, size),
  };
}
