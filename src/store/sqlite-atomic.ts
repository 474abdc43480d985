// AtomicStore over the same SQLite file as the Keyv collections. Each operation is one SQL
// statement, and SQLite runs each statement as a transaction that holds the file's write lock,
// so two connections (or two processes) on the same file cannot both win a claim.
import type { AtomicStore } from "./atomic.ts";

export type SqlQuery = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

const TABLE = "thesis_atomic";

export async function createSqliteAtomicStore(
  query: SqlQuery,
  now: () => number = Date.now,
): Promise<AtomicStore> {
  await query(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
  );
  await query(`DELETE FROM ${TABLE} WHERE expires_at <= ?`, now());

  return {
    async setIfAbsent(key, value, ttlMs) {
      const at = now();
      // The conflict branch only overwrites an expired row, so a live claim is never replaced.
      const rows = await query(
        `INSERT INTO ${TABLE} (key, value, expires_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
         WHERE ${TABLE}.expires_at <= ?
         RETURNING key`,
        key,
        value,
        at + ttlMs,
        at,
      );
      return rows.length === 1;
    },
    async get(key) {
      const rows = (await query(
        `SELECT value FROM ${TABLE} WHERE key = ? AND expires_at > ?`,
        key,
        now(),
      )) as Array<{ value: string }>;
      return rows[0]?.value;
    },
    async compareAndSet(key, expected, next, ttlMs) {
      const at = now();
      const rows = await query(
        `UPDATE ${TABLE} SET value = ?, expires_at = ? WHERE key = ? AND value = ? AND expires_at > ? RETURNING key`,
        next,
        at + ttlMs,
        key,
        expected,
        at,
      );
      return rows.length === 1;
    },
    async increment(key, ttlMs) {
      const at = now();
      const rows = (await query(
        `INSERT INTO ${TABLE} (key, value, expires_at) VALUES (?, '1', ?)
         ON CONFLICT(key) DO UPDATE SET
           value = CASE WHEN ${TABLE}.expires_at <= ? THEN '1' ELSE CAST(CAST(${TABLE}.value AS INTEGER) + 1 AS TEXT) END,
           expires_at = CASE WHEN ${TABLE}.expires_at <= ? THEN excluded.expires_at ELSE ${TABLE}.expires_at END
         RETURNING value`,
        key,
        at + ttlMs,
        at,
        at,
      )) as Array<{ value: string }>;
      return Number(rows[0]?.value ?? 0);
    },
    async delete(key) {
      await query(`DELETE FROM ${TABLE} WHERE key = ?`, key);
    },
  };
}
