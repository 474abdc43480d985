// Each bench/<area>.bench.ts default-exports a function returning measurements;
// bench/run.ts runs them all and prints one table, marking figures that miss their target.
export interface BenchResult {
  name: string;
  value: number;
  unit: "ms" | "MB" | "ops/s" | "count" | "ratio";
  /** Upper bound the figure should stay under (lower bound when higherIsBetter). */
  target?: number;
  higherIsBetter?: boolean;
}

export type Bench = () => Promise<BenchResult[]>;
