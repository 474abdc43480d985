// "New since the last digest": sources and claims the channel has not had a digest since.
//
// The ledger has no dates, so we remember what the corpus held when each digest was composed:
// a snapshot (source files and claim ids) per (channel, local date) in the store's rotation
// collection. The next digest compares the corpus with the snapshot of the channel's last
// *posted* digest (digestHistory), so a day whose post failed does not hide what is new.
// Each snapshot also records which date it was compared against (`cursor`, a day number), so
// a retried post for the same date composes the same list, and the snapshot before that can
// be deleted once a later digest has been posted. A preview reads but never writes.
import type { ThesisService } from "../answer/types.ts";
import type { RecordCollection } from "../store/records.ts";
import type { ChannelRef, DigestHistoryEntry, RotationState } from "../store/types.ts";
import { channelKey } from "./channel-key.ts";
import { dateOfDay, dayNumber } from "./rotation.ts";
import type { DigestNewItem } from "./types.ts";

/** The store collections the composer reads (and, when posting, writes). */
export interface DigestMemory {
  digestHistory: Pick<RecordCollection<DigestHistoryEntry>, "get">;
  rotation: RecordCollection<RotationState>;
}

const NO_BASE = -1;

function snapshotKey(channel: ChannelRef, date: string): string {
  return `digest-seen:${channelKey(channel)}:${date}`;
}

function corpusIds(thesis: ThesisService): string[] {
  return [
    ...thesis.sources().map((s) => `s:${s.file}`),
    ...thesis.claims().map((c) => `c:${c.id}`),
  ];
}

function diff(thesis: ThesisService, base: ReadonlySet<string>): DigestNewItem[] {
  const newClaims = new Map<string, number>();
  for (const claim of thesis.claims()) {
    if (!base.has(`c:${claim.id}`)) newClaims.set(claim.file, (newClaims.get(claim.file) ?? 0) + 1);
  }
  const items: DigestNewItem[] = [];
  for (const source of thesis.sources()) {
    const newSource = !base.has(`s:${source.file}`);
    const claims = newSource ? source.claims : (newClaims.get(source.file) ?? 0);
    if (newSource || claims > 0)
      items.push({ file: source.file, title: source.title, newSource, claims });
  }
  return items;
}

export async function newSinceLastDigest(
  thesis: ThesisService,
  memory: DigestMemory,
  channel: ChannelRef,
  date: string,
  options: { record: boolean; now: () => Date },
): Promise<DigestNewItem[]> {
  const ownKey = snapshotKey(channel, date);
  const own = await memory.rotation.get(ownKey);
  let baseDate: string | undefined;
  if (own) {
    baseDate = own.cursor === NO_BASE ? undefined : dateOfDay(own.cursor);
  } else {
    const last = await memory.digestHistory.get(channelKey(channel));
    baseDate = last && last.localDate < date ? last.localDate : undefined;
  }
  const base = baseDate ? await memory.rotation.get(snapshotKey(channel, baseDate)) : undefined;
  if (!own && options.record) {
    await memory.rotation.set(ownKey, {
      recentIds: corpusIds(thesis),
      cursor: baseDate ? dayNumber(baseDate) : NO_BASE,
      updatedAt: options.now().toISOString(),
    });
    // The base date's digest was posted, so the snapshot it was compared with is done with.
    if (base && base.cursor !== NO_BASE) {
      await memory.rotation.delete(snapshotKey(channel, dateOfDay(base.cursor)));
    }
  }
  // The first digest (or one posted before snapshots existed) has nothing to compare with;
  // calling every source "new" then would only be noise.
  return base ? diff(thesis, new Set(base.recentIds)) : [];
}
