// The few operations that must be atomic across replicas (claims, compare-and-set, counters).
// Keyv has no such primitives, so each backend implements them natively: Redis with
// SET NX / Lua, SQLite with single upsert statements (one statement is one transaction).
// Values are plain strings; callers serialise. Every key expires, so nothing piles up forever.

export interface AtomicStore {
  /** Stores value only if the key is absent (or expired). True when this call created it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  /** Replaces the value only if it still equals `expected`. True when this call replaced it. */
  compareAndSet(key: string, expected: string, next: string, ttlMs: number): Promise<boolean>;
  /** Adds one to a counter that starts at 1 and expires ttlMs after its first increment. */
  increment(key: string, ttlMs: number): Promise<number>;
  delete(key: string): Promise<void>;
}
