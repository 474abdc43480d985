// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in turn
// and prints a table; exits 1 when a figure misses its target.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Bench, BenchResult } from "./types.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here))
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let missed = 0;
for (const file of files) {
  const bench = (await import(path.join(here, file))).default as Bench;
  const results: BenchResult[] = await bench();
  console.log(`\n${file}`);
  for (const result of results) {
    const ok =
      result.target === undefined ||
      (result.higherIsBetter ? result.value >= result.target : result.value <= result.target);
    if (!ok) missed++;
    const target =
      result.target === undefined
        ? ""
        : ` (target ${result.higherIsBetter ? ">=" : "<"} ${result.target})`;
    console.log(
      `  ${ok ? " " : "!"} ${result.name.padEnd(52)} ${result.value.toFixed(2).padStart(10)} ${result.unit}${target}`,
    );
  }
}
console.log(missed === 0 ? "\nall targets met" : `\n${missed} figure(s) missed their target`);
process.exitCode = missed === 0 ? 0 : 1;
