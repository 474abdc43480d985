// Opens a SQLite file through Keyv's adapter and makes sure it is a database before anything
// else touches it. SQLite opens any file lazily, so a corrupt one only fails at the first
// query, inside whichever caller came first (once as an unhandled rejection at start-up):
// probing here turns that into one sentence naming the file and what to do.
import KeyvSqlite from "@keyv/sqlite";

export class UnreadableDatabaseError extends Error {
  override name = "UnreadableDatabaseError";
}

const UNREADABLE: Record<string, string> = {
  SQLITE_NOTADB: "is not a SQLite database",
  SQLITE_CORRUPT: "is corrupt",
  SQLITE_CANTOPEN: "cannot be opened",
  SQLITE_READONLY: "is read-only",
  SQLITE_IOERR: "could not be read",
};

/** A KeyvSqlite connection to `file` that has answered a query. */
export async function openSqliteChecked(
  file: string,
  /** What the file holds, for the message ("the bot's store", "the model cache"). */
  holds: string,
): Promise<KeyvSqlite> {
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
  // The adapter also emits its failure; with no listener the emit itself would throw.
  adapter.on("error", () => {});
  try {
    // Reading the schema touches the file's header and first page; writing one (the adapter
    // creates its table on connect) has already happened by the time this resolves.
    await adapter.query("SELECT count(*) FROM sqlite_master");
  } catch (error) {
    await adapter.close().catch(() => {});
    throw unreadable(error, file, holds);
  }
  return adapter;
}

export function unreadable(error: unknown, file: string, holds: string): Error {
  const code = String((error as { code?: unknown })?.code ?? "");
  const what = UNREADABLE[code];
  if (!what) return error instanceof Error ? error : new Error(String(error));
  return new UnreadableDatabaseError(
    `${file} (${holds}) ${what} (${code}): move it aside, for example to ${file}.broken, and start again; thesis-bot creates a new one.`,
  );
}
