// `ask`, `risks`, `bullbear` and `quote`: the grounded answers, as the JSON of DESIGN.md
// or as text with every quote on "> " lines under its source.

import { resolveTarget } from "../answer/target.ts";
import { resolveTopic, topicIds } from "../corpus/topics.ts";
import type { Citation } from "../corpus/types.ts";
import { type CliCommand, type CliInput, CliUsageError } from "./io.ts";
import { claimJson } from "./ledger-commands.ts";

export function citationText(c: Citation, indent = "  "): string {
  const quote = c.quote
    .split("\n")
    .map((line) => `${indent}> ${line}`)
    .join("\n");
  return `${quote}\n${indent}— ${c.title}, ${c.file}:${c.lines[0]}${c.lines[1] !== c.lines[0] ? `-${c.lines[1]}` : ""}`;
}

function joinedPositionals(input: CliInput, what: string, usage: string): string {
  const text = input.positionals.join(" ").trim();
  if (!text) throw new CliUsageError(`Give ${what}.`);
  if (text.length > 2000)
    throw new CliUsageError(`That ${what} is too long (over 2,000 characters). ${usage}`);
  return text;
}

/**
 * The topic named on the command line: for risks a known topic, for bullbear any phrase the
 * corpus says. The corpus's topics are known once it is open.
 */
async function topicOf(input: CliInput, required: boolean): Promise<string | undefined> {
  const text = input.positionals.join(" ").trim();
  if (!text && !required) return undefined;
  if (!text) throw new CliUsageError('Give a topic, for example TAO or "Chinese open-source AI".');
  const ledger = await input.ledger();
  await input.thesis();
  const known = required ? resolveTarget(text, ledger.claims) : resolveTopic(text);
  if (!known)
    throw new CliUsageError(
      `Unknown topic "${text}": known topics are ${topicIds().join(", ")}.`,
      "UNKNOWN_TOPIC",
    );
  return text;
}

export const askCommand: CliCommand = {
  name: "ask",
  summary: "Quote the passages that answer a question",
  usage: 'thesis-bot ask "<question>" [--limit N] [--json]',
  valueFlags: ["limit"],
  async run(input) {
    const question = joinedPositionals(input, "a question", this.usage);
    const limit = input.flags.limit === undefined ? undefined : Number(input.flags.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 10)) {
      throw new CliUsageError("--limit takes a whole number from 1 to 10.");
    }
    const { found, answer, citations } = (await input.thesis()).ask(question, { limit });
    const text = found
      ? [answer, "", ...citations.map((c, i) => `${i + 1}.\n${citationText(c)}`)].join("\n")
      : "Nothing in the corpus answers that.";
    return { json: { found, answer, citations }, text, exitCode: found ? 0 : 1 };
  },
};

export const risksCommand: CliCommand = {
  name: "risks",
  summary: "The risk register, optionally for one topic",
  usage: "thesis-bot risks [topic] [--json]",
  async run(input) {
    const topic = await topicOf(input, false);
    const { risks } = (await input.thesis()).risks(topic);
    const text = risks.length
      ? risks
          .map(
            (r, i) =>
              `${i + 1}. ${r.label} (${r.sources} source${r.sources === 1 ? "" : "s"})\n${r.citations.map((c) => citationText(c, "   ")).join("\n")}`,
          )
          .join("\n\n")
      : "No risks in the corpus for that topic.";
    return { json: { risks }, text };
  },
};

export const bullbearCommand: CliCommand = {
  name: "bullbear",
  summary: "The strongest bullish claims set against their bearish counters",
  usage: "thesis-bot bullbear <topic or any phrase> [--json]",
  async run(input) {
    const topic = (await topicOf(input, true)) ?? "";
    const { pairs, label } = (await input.thesis()).bullbear(topic);
    const side = (label: string, c: Citation | null) =>
      `  ${label}:\n${c ? citationText(c, "    ") : "    no source"}`;
    const text = pairs.length
      ? pairs
          .map((p, i) => `${i + 1}.\n${side("bull", p.bull)}\n${side("bear", p.bear)}`)
          .join("\n\n")
      : `Neither a bull nor a bear case in the corpus for "${topic}".`;
    return { json: { topic: label, pairs }, text, exitCode: pairs.length ? 0 : 1 };
  },
};

export const quoteCommand: CliCommand = {
  name: "quote",
  summary: "A claim with its surrounding passage",
  usage: "thesis-bot quote <claim-id> [--json]",
  async run(input) {
    const id = joinedPositionals(input, "a claim id", this.usage);
    const found = (await input.thesis()).quote(id);
    if (!found)
      throw new CliUsageError(
        `No claim has the id "${id}": list the ids with thesis-bot claims.`,
        "UNKNOWN_CLAIM",
      );
    const text = `[${found.claim.id}] ${found.claim.kind}\n${citationText(found.context)}`;
    return { json: { claim: claimJson(found.claim), context: found.context }, text };
  },
};
