// Versioned, namespaced records on top of one Keyv instance per collection.
// Every value is wrapped as { v, data }. A record whose version is newer than this build
// understands is refused with a StoreVersionError instead of being misread: several replicas
// can share one Redis, and an old replica must not silently rewrite a newer one's data.
import type Keyv from "keyv";

export class StoreVersionError extends Error {
  override name = "StoreVersionError";
}

interface Envelope {
  v: number;
  data: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { v?: unknown }).v === "number" &&
    "data" in value
  );
}

/** Unwraps { v, data }, refusing versions this build does not know. Shared with the atomic records. */
export function openEnvelope<T>(
  collection: string,
  id: string,
  raw: unknown,
  currentVersion: number,
): T {
  if (!isEnvelope(raw)) {
    throw new StoreVersionError(
      `The stored ${collection} record "${id}" has no format version, so thesis-bot cannot read it safely: delete it or restore it from a backup.`,
    );
  }
  if (raw.v > currentVersion) {
    throw new StoreVersionError(
      `The stored ${collection} record "${id}" uses format version ${raw.v}, but this thesis-bot understands only up to version ${currentVersion}: a newer release wrote it, so upgrade this instance rather than let it misread the data.`,
    );
  }
  // Version 1 is the only format so far; older versions would be migrated here.
  return raw.data as T;
}

export function sealEnvelope(data: unknown, currentVersion: number): Envelope {
  return { v: currentVersion, data };
}

export interface RecordCollection<T> {
  readonly name: string;
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Every record in the collection; order is not specified. */
  list(): Promise<Array<{ id: string; value: T }>>;
}

export function createRecordCollection<T>(
  name: string,
  keyv: Keyv,
  currentVersion = 1,
): RecordCollection<T> {
  return {
    name,
    async get(id) {
      const raw: unknown = await keyv.get(id);
      return raw === undefined ? undefined : openEnvelope<T>(name, id, raw, currentVersion);
    },
    async set(id, value) {
      await keyv.set(id, sealEnvelope(value, currentVersion));
    },
    async delete(id) {
      return keyv.delete(id);
    },
    async list() {
      if (!keyv.iterator) {
        throw new Error(`The ${name} store cannot list its records: its backend has no iterator.`);
      }
      const rows: Array<{ id: string; value: T }> = [];
      for await (const [id, raw] of keyv.iterator(undefined) as AsyncGenerator<[string, unknown]>) {
        if (raw !== undefined)
          rows.push({ id, value: openEnvelope<T>(name, id, raw, currentVersion) });
      }
      return rows;
    },
  };
}
