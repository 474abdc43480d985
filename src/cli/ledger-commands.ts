// `claims` and `index`: what the ledger holds, beyond what the /thesis subcommands show.

import { claimJson } from "../answer/claim-json.ts";
import { resolveTopic, topicIds, topicLabel } from "../corpus/topics.ts";
import { CLAIM_KINDS, type Claim, type ClaimKind, STANCES } from "../corpus/types.ts";
import { fileLines, oneLine } from "../lib/text.ts";
import { type CliCommand, CliUsageError } from "./io.ts";

export function parseTopicFlag(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const topic = resolveTopic(value);
  if (!topic)
    throw new CliUsageError(
      `Unknown topic "${value}": known topics are ${topicIds().join(", ")}.`,
      "UNKNOWN_TOPIC",
    );
  return topic;
}

export function parseKindFlag(value: unknown): ClaimKind | undefined {
  if (typeof value !== "string") return undefined;
  const kind = CLAIM_KINDS.find((k) => k === value.toLowerCase());
  if (!kind)
    throw new CliUsageError(
      `Unknown kind "${value}": kinds are ${CLAIM_KINDS.join(", ")}.`,
      "UNKNOWN_KIND",
    );
  return kind;
}

export const claimsCommand: CliCommand = {
  name: "claims",
  summary: "List claims, optionally by topic and kind",
  usage: "thesis-bot claims [--topic T] [--kind K] [--json]",
  valueFlags: ["topic", "kind"],
  async run({ flags, ledger, corpusView }) {
    // Opening the ledger puts its topics in force, so --topic can name a discovered one.
    const opened = await ledger();
    const topic = parseTopicFlag(flags.topic);
    const kind = parseKindFlag(flags.kind);
    const matching = opened.claims.filter(
      (c) => (!topic || c.topics.includes(topic)) && (!kind || c.kind === kind),
    );
    // Checked like every quote: a claim whose text is not in its article at its lines is left out.
    const claims = (await corpusView()).verifiedClaims(matching);
    const text = claims
      .map((c) => {
        const stance = Object.entries(c.stances)
          .map(([t, s]) => `${t}:${s}`)
          .join(" ");
        return `[${c.id}] ${fileLines(c.file, c.lines)} ${c.kind}${stance ? ` (${stance})` : ""}\n  ${oneLine(c.text)}`;
      })
      .join("\n");
    return { json: { claims: claims.map(claimJson) }, text: text || "No claims match." };
  },
};

export const indexCommand: CliCommand = {
  name: "index",
  summary: "Build (or reuse) the index and summarise it",
  usage: "thesis-bot index [--json]",
  async run({ ledger }) {
    const started = performance.now();
    const l = await ledger();
    const ms = Math.round(performance.now() - started);
    const count = <K extends string>(keys: readonly K[], of: (c: Claim) => K[]) =>
      Object.fromEntries(
        keys.map((k) => [k, l.claims.filter((c) => of(c).includes(k)).length]),
      ) as Record<K, number>;
    const byKind = count(CLAIM_KINDS, (c) => [c.kind]);
    const byStance = count(STANCES, (c) => Object.values(c.stances));
    const byTopic = count(topicIds(), (c) => c.topics);
    const summary = {
      sources: l.documents.length,
      sections: l.sections.length,
      paragraphs: l.paragraphs.length,
      claims: l.claims.length,
      byKind,
      byStance,
      byTopic,
      warnings: l.warnings,
      ms,
    };
    const lines = [
      `${summary.sources} sources, ${summary.sections} sections, ${summary.paragraphs} paragraphs, ${summary.claims} claims (${ms} ms)`,
      `by kind:   ${Object.entries(byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}`,
      `by stance (claim-topic pairs): ${Object.entries(byStance)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}`,
      `by topic:  ${Object.entries(byTopic)
        .map(([k, n]) => `${topicLabel(k)} ${n}`)
        .join(", ")}`,
      ...l.warnings.map((w) => `warning: ${w}`),
    ];
    return { json: summary, text: lines.join("\n") };
  },
};
