// Index-time enrichment: the model refines each claim's kind, topics and stances. The rule-based
// ledger stays the authority: the model may only pick enum values and topics from the list it
// was given, and may add topics but never remove one, so a bad answer cannot corrupt the ledger.
import type { Claim, ClaimKind, Stance } from "../corpus/types.ts";
import { CLAIM_KINDS, STANCES } from "../corpus/types.ts";
import { classificationKey, safeGet, safeSet } from "./cache.ts";
import type { CallOptions, KeyValueCache, ModelProvider, RawClassification } from "./types.ts";

export interface MergeOutcome {
  claim: Claim;
  /** Model values that were valid and applied. */
  accepted: number;
  /** Model values that were invalid and ignored. */
  rejected: number;
}

export interface EnrichmentResult {
  /** Refined copies, same order as the input; the input claims are not modified. */
  claims: Claim[];
  accepted: number;
  rejected: number;
  /** Claims answered from the cache, without a request. */
  fromCache: number;
  /** Claims the model was asked about in this run. */
  asked: number;
  /** Claims left as they were because the model gave no usable answer. */
  unanswered: number;
}

const isKind = (value: unknown): value is ClaimKind =>
  typeof value === "string" && (CLAIM_KINDS as readonly string[]).includes(value);
const isStance = (value: unknown): value is Stance =>
  typeof value === "string" && (STANCES as readonly string[]).includes(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Applies the valid parts of one model answer to a copy of `claim`. */
export function mergeClassification(
  claim: Claim,
  raw: RawClassification,
  topicIds: ReadonlySet<string>,
): MergeOutcome {
  let accepted = 0;
  let rejected = 0;
  let kind = claim.kind;
  if (raw.kind !== undefined) {
    if (isKind(raw.kind)) {
      kind = raw.kind;
      accepted++;
    } else rejected++;
  }
  const topics = [...claim.topics];
  if (raw.topics !== undefined) {
    if (!Array.isArray(raw.topics)) rejected++;
    else {
      for (const topic of raw.topics) {
        if (typeof topic === "string" && topicIds.has(topic)) {
          if (!topics.includes(topic)) topics.push(topic);
          accepted++;
        } else rejected++;
      }
    }
  }
  const stances: Record<string, Stance> = {};
  for (const topic of topics) stances[topic] = claim.stances[topic] ?? "neutral";
  if (raw.stances !== undefined) {
    if (!isPlainObject(raw.stances)) rejected++;
    else {
      for (const [topic, stance] of Object.entries(raw.stances)) {
        if (topics.includes(topic) && isStance(stance)) {
          stances[topic] = stance;
          accepted++;
        } else rejected++;
      }
    }
  }
  return { claim: { ...claim, kind, topics, stances }, accepted, rejected };
}

function asRawClassification(value: unknown): RawClassification | undefined {
  if (!isPlainObject(value)) return undefined;
  return { kind: value.kind, topics: value.topics, stances: value.stances };
}

/**
 * Refines `claims` with the model, asking only about texts not yet in `cache` (keyed by model
 * and text hash, so a restart asks nothing twice). Claims the model fails on keep their
 * rule-based labels, and failed answers are not cached, so the next run asks again.
 */
export async function enrichClaims(
  provider: ModelProvider,
  claims: readonly Claim[],
  topicIds: readonly string[],
  cache: KeyValueCache,
  options: CallOptions = {},
): Promise<EnrichmentResult> {
  const answers = new Map<string, RawClassification>();
  let fromCache = 0;
  for (const text of new Set(claims.map((claim) => claim.text))) {
    const cached = asRawClassification(
      await safeGet(cache, classificationKey(provider.model, text)),
    );
    if (cached) answers.set(text, cached);
  }
  for (const claim of claims) if (answers.has(claim.text)) fromCache++;

  // One question per distinct text: repeated boilerplate across files is asked about once.
  const pending = new Set<string>();
  const toAsk = claims.filter((claim) => {
    if (answers.has(claim.text) || pending.has(claim.text)) return false;
    pending.add(claim.text);
    return true;
  });
  if (toAsk.length > 0) {
    const replies = await provider.classify(
      toAsk.map((claim) => ({ id: claim.id, text: claim.text, section: claim.section })),
      topicIds,
      options,
    );
    for (const [index, claim] of toAsk.entries()) {
      const reply = replies?.[index];
      if (!reply) continue;
      answers.set(claim.text, reply);
      await safeSet(cache, classificationKey(provider.model, claim.text), reply);
    }
  }

  const allowed = new Set(topicIds);
  const result: EnrichmentResult = {
    claims: [],
    accepted: 0,
    rejected: 0,
    fromCache,
    asked: toAsk.length,
    unanswered: 0,
  };
  for (const claim of claims) {
    const raw = answers.get(claim.text);
    if (!raw) {
      result.claims.push({ ...claim, topics: [...claim.topics], stances: { ...claim.stances } });
      result.unanswered++;
      continue;
    }
    const merged = mergeClassification(claim, raw, allowed);
    result.claims.push(merged.claim);
    result.accepted += merged.accepted;
    result.rejected += merged.rejected;
  }
  return result;
}
