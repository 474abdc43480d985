// CORPUS_DIR and DATA_DIR checked before anything reads or writes them, so a wrong path is
// one sentence naming the variable instead of an ENOENT or ENOTDIR from deep inside a loader.
import { mkdir, stat } from "node:fs/promises";

export class PathSetupError extends Error {
  override name = "PathSetupError";
  constructor(
    readonly variable: "CORPUS_DIR" | "DATA_DIR",
    message: string,
  ) {
    super(message);
  }
}

export async function checkCorpusDir(dir: string): Promise<void> {
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error) {
    const why = found.code === "ENOENT" ? "does not exist" : `cannot be read (${found.code})`;
    throw new PathSetupError(
      "CORPUS_DIR",
      `CORPUS_DIR (${dir}) ${why}: set CORPUS_DIR to a folder of .txt or .md articles.`,
    );
  }
  if (!found.isDirectory()) {
    throw new PathSetupError(
      "CORPUS_DIR",
      `CORPUS_DIR (${dir}) is a file, not a folder: set CORPUS_DIR to a folder of .txt or .md articles.`,
    );
  }
}

/** Creates DATA_DIR when missing, as the store and the index would. */
export async function checkDataDir(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (found && !found.isDirectory()) {
    throw new PathSetupError(
      "DATA_DIR",
      `DATA_DIR (${dir}) is a file, not a folder: set DATA_DIR to a folder thesis-bot may write to (it is created if missing).`,
    );
  }
  if (found) return;
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOTDIR" || code === "EEXIST" ? "is inside a file" : `cannot be created (${code})`;
    throw new PathSetupError(
      "DATA_DIR",
      `DATA_DIR (${dir}) ${why}: set DATA_DIR to a folder thesis-bot may write to.`,
    );
  }
}

/** The one sentence for a corpus with no article in it: it starts, but answers nothing. */
export function emptyCorpusWarning(dir: string): string {
  return `CORPUS_DIR (${dir}) holds no readable .txt or .md article, so every answer will be "nothing found": add articles there or point CORPUS_DIR elsewhere.`;
}
