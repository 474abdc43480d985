// A deterministic article corpus for benchmarks: news-like .txt/.md files that name the
// thesis topics, hedge, warn, quote figures and carry page furniture (tickers, ads,
// "Updated 3 hours ago", related stories), some with CRLF line ends. The same seed always
// writes the same bytes, so figures from different runs compare like for like.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { seededRandom } from "../src/lib/seeded-random.ts";

export { seededRandom };

export interface CorpusOptions {
  /** Stop once this many bytes are written (checked after each document). */
  totalBytes?: number;
  /** Or write exactly this many documents. */
  documents?: number;
  /** Lines per document, blank lines included (default 20-200). */
  minLines?: number;
  maxLines?: number;
  /** Share of files written with CRLF line ends (default 0.1). */
  crlfShare?: number;
  seed?: number;
}

export interface GeneratedCorpus {
  dir: string;
  documents: number;
  bytes: number;
  cleanup: () => Promise<void>;
}

const SUBJECTS = [
  "$TAO",
  "Bittensor",
  "Bittensor's subnets",
  "DeepSeek",
  "Qwen",
  "Kimi",
  "OpenAI",
  "Anthropic",
  "China",
  "the U.S.",
  "Chinese labs",
  "open-weight models",
  "export controls",
  "crypto markets",
  "validators",
  "miners",
  "enterprise buyers",
  "developers",
  "the Commerce Department",
  "hyperscalers",
  "sovereign AI projects",
  "decentralized AI networks",
  "closed frontier labs",
  "token holders",
];
const VERBS = [
  "could reshape",
  "may compress",
  "is likely to accelerate",
  "will probably undercut",
  "continues to dominate",
  "has quietly captured",
  "appears to threaten",
  "might weaken",
  "is expected to expand",
  "already outperforms",
  "depends heavily on",
  "struggles to monetize",
];
const OBJECTS = [
  "the distribution layer",
  "margins for closed models",
  "inference pricing",
  "open-source adoption",
  "the subnet economy",
  "GPU supply chains",
  "developer mindshare",
  "enterprise procurement",
  "token emissions",
  "global market share",
  "benchmark leadership",
  "regulatory scrutiny",
  "cloud revenue",
  "the premium layer of AI",
  "fine-tuning workflows",
  "on-device deployment",
];
const RISKS = [
  "The main risk is that incentives get gamed by a handful of validators.",
  "Critics warn that a regulatory crackdown could freeze liquidity overnight.",
  "There is a real threat that dilution from emissions outpaces demand.",
  "A sudden ban on chip exports remains the biggest downside scenario.",
  "Sell pressure from early miners is a persistent concern.",
  "The thesis is vulnerable if closed models keep a decisive quality lead.",
  "Security researchers flagged backdoor risks in some open-weight releases.",
  "Nobody knows whether demand for decentralized compute is durable.",
];
const HEDGES = ["may", "will likely", "could", "might", "is likely to", "may well"];
const BASE_VERBS = ["reshape", "compress", "erode", "capture", "undercut", "expand"];
const CONNECTIVES = ["However,", "Meanwhile,", "Still,", "In practice,", "By contrast,", "Yet"];
const FIGURES = [
  "between 90% and 97% of requests",
  "$58,633.77 at the close",
  "roughly 3.2 billion tokens a day",
  "about 40% of new deployments",
  "$1.2 billion in annual revenue",
  "a 12.4% drop in a single week",
  "more than 600 open-weight checkpoints",
  "$547.41 per unit",
];
const HEADINGS_TITLE = [
  "Why Distribution Wins",
  "The Bear Case for $TAO",
  "What Export Controls Change",
  "Open-Weight Models Go Mainstream",
  "How DeepSeek Rewrote the Price List",
  "The Hidden Asymmetry",
  "Risks Investors Should Watch",
  "What Comes Next for Bittensor",
  "Implications for Crypto Markets",
];
const HEADINGS_SENTENCE = [
  "What the numbers say",
  "Why enterprises are hedging",
  "The case against decentralized AI",
  "How Qwen and Kimi gained ground",
  "Where OpenAI and Anthropic still lead",
  "Bottom line",
];
const TICKERS = ["BTC $58,633.77 -1.40%", "ETH $1,564.67 -0.17%", "TAO $312.08 +4.21%"];
const FURNITURE = ["Advertisement", "Updated 3 hours ago", "5 min read", "BREAKING", "Sponsored"];
const RELATED = [
  "Chip Stocks Slide After New Export Rules",
  "Bittensor Halving Explained",
  "Inside the Race to Build Open Models",
  "Why Crypto Traders Watch AI Tokens",
];
const AUTHORS = ["Maya Chen", "Daniel Okafor", "Lena Park", "Tomas Varga"];
const OUTLETS = ["The Block Ledger", "Chain Street Daily", "Frontier Wire"];

const NAME_SYLLABLES = ["zor", "vex", "lin", "qua", "tor", "mi", "sen", "ka", "dra", "bel"];

export function createArticleWriter(next: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  // Invented companies give the corpus a long tail of rare words, like real news.
  const company = () => {
    let name = "";
    for (let i = 0; i < 2 + Math.floor(next() * 2); i++) name += pick(NAME_SYLLABLES);
    return `${name[0]?.toUpperCase()}${name.slice(1)} ${pick(["Labs", "AI", "Capital", "Systems"])}`;
  };
  const capitalize = (s: string) => (s.startsWith("$") ? s : `${s[0]?.toUpperCase()}${s.slice(1)}`);

  function sentence(): string {
    const roll = next();
    if (roll < 0.15) return pick(RISKS);
    if (roll < 0.3) {
      return `${capitalize(pick(SUBJECTS))} ${pick(HEDGES)} ${pick(BASE_VERBS)} ${pick(OBJECTS)}, with ${pick(FIGURES)}.`;
    }
    if (roll < 0.42) {
      return `"${capitalize(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)}," said an analyst at ${company()}.`;
    }
    if (roll < 0.52)
      return `${pick(CONNECTIVES)} ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}.`;
    if (roll < 0.58) {
      return `China’s bet is simple — ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}.`;
    }
    const tail = chance(0.3) ? ` after ${company()} reported ${pick(FIGURES)}` : "";
    return `${capitalize(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)}${tail}.`;
  }

  function paragraph(): string {
    const count = 1 + Math.floor(next() * 5);
    return Array.from({ length: count }, sentence).join(" ");
  }

  /** One article as lines (no line ends yet), close to `targetLines` long. */
  function article(targetLines: number, markdown: boolean): string[] {
    const lines: string[] = [];
    if (chance(0.4)) lines.push(...TICKERS, ...TICKERS.slice(0, 2), "BREAKING");
    if (chance(0.5)) lines.push(pick(["Technology", "Markets", "Crypto"]), "");
    const title = `${pick(HEADINGS_TITLE)}: ${capitalize(pick(SUBJECTS))} and ${pick(SUBJECTS)}`;
    lines.push(markdown ? `# ${title}` : title, "");
    if (chance(0.5)) lines.push(pick(FURNITURE), "");
    const footer: string[] = [];
    if (chance(0.5)) footer.push("", "Related Stories", pick(RELATED), pick(RELATED));
    if (chance(0.5)) {
      const author = pick(AUTHORS);
      const bio = `${author} is a senior reporter covering AI and crypto for ${pick(OUTLETS)}.`;
      footer.push("", author, bio);
    }
    const room = () => targetLines - footer.length - lines.length;
    // Even the shortest article gets a body, however much furniture it carries.
    for (let first = true; first || room() > 0; first = false) {
      if (room() > 4) {
        const heading = chance(0.5) ? pick(HEADINGS_TITLE) : pick(HEADINGS_SENTENCE);
        lines.push(markdown ? `## ${heading}` : heading, "");
      }
      const paragraphs = 1 + Math.floor(next() * 4);
      for (let i = 0; i < paragraphs && (i === 0 || room() > 0); i++) {
        if (chance(0.08)) lines.push("Advertisement", "");
        if (markdown && chance(0.15)) {
          for (let j = 0; j < 3; j++) lines.push(`- ${pick(RISKS)}`);
        } else {
          lines.push(paragraph());
        }
        lines.push("");
      }
    }
    lines.push(...footer);
    return lines;
  }

  return { article, sentence };
}

export async function generateCorpus(options: CorpusOptions): Promise<GeneratedCorpus> {
  const { minLines = 20, maxLines = 200, crlfShare = 0.1, seed = 20240607 } = options;
  if (options.totalBytes === undefined && options.documents === undefined)
    throw new Error("Give the corpus a size: totalBytes or documents.");
  const next = seededRandom(seed);
  const writer = createArticleWriter(next);
  const root = await mkdtemp(path.join(os.tmpdir(), "thesis-bench-"));
  const dir = path.join(root, "corpus");
  await mkdir(dir);
  let bytes = 0;
  let documents = 0;
  const done = () =>
    options.documents !== undefined
      ? documents >= options.documents
      : bytes >= (options.totalBytes ?? 0);
  while (!done()) {
    const markdown = next() < 0.3;
    const lineCount = minLines + Math.floor(next() * (maxLines - minLines + 1));
    const eol = next() < crlfShare ? "\r\n" : "\n";
    const text = `${writer.article(lineCount, markdown).join(eol)}${eol}`;
    const name = `${String(documents).padStart(6, "0")}_bench.${markdown ? "md" : "txt"}`;
    await writeFile(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
    documents++;
  }
  return { dir, documents, bytes, cleanup: () => rm(root, { recursive: true, force: true }) };
}

// What building over a corpus costs in memory. The pipeline runs long synchronous stretches
// in which a main-thread timer never fires, so a worker samples the process's RSS (it is
// process-wide) every 20 ms while the main thread works.
const RSS_SAMPLER = `
const { parentPort } = require("node:worker_threads");
let peak = process.memoryUsage.rss();
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 20);
parentPort.on("message", () => {
  clearInterval(timer);
  parentPort.postMessage(Math.max(peak, process.memoryUsage.rss()));
});
parentPort.postMessage("ready");
`;

export interface MemoryMeasured<T> {
  result: T;
  ms: number;
  /** Highest RSS seen while `work` ran, minus RSS just before it, in MB. */
  peakRssGrowthMb: number;
  peakRssMb: number;
}

export async function measureMemory<T>(work: () => T | Promise<T>): Promise<MemoryMeasured<T>> {
  const { Worker } = await import("node:worker_threads");
  const sampler = new Worker(RSS_SAMPLER, { eval: true });
  const message = () => new Promise<unknown>((resolve) => sampler.once("message", resolve));
  await message();
  const before = process.memoryUsage.rss();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  sampler.postMessage("stop");
  const peak = (await message()) as number;
  await sampler.terminate();
  return {
    result,
    ms,
    peakRssGrowthMb: (peak - before) / 1024 / 1024,
    peakRssMb: peak / 1024 / 1024,
  };
}
