// Votes kept in the project's store (SQLite file, or Redis with REDIS_URL), one record per
// user and answer, so a second click replaces the first. User ids are never stored as they
// are: each is sha256(salt + platform + ":" + id), with a salt made once per install and
// kept in the store itself (replicas sharing Redis share it), so the hashes cannot be
// matched against another install's or a table of known ids.
import { createHash, randomBytes } from "node:crypto";
import type { Store } from "../store/index.ts";
import { summarizeFeedback } from "./summary.ts";
import type { FeedbackService, Vote } from "./types.ts";

const SALT_KEY = "feedback:salt";
/** The salt outlives any realistic install; the atomic store wants every key to expire. */
const SALT_TTL_MS = 100 * 365 * 24 * 60 * 60 * 1000;

export function hashUser(salt: string, platform: string, userId: string): string {
  return createHash("sha256").update(`${salt}${platform}:${userId}`).digest("hex");
}

export function createStoreFeedback(store: Store): FeedbackService {
  let salt: Promise<string> | undefined;
  const installSalt = () => {
    salt ??= (async () => {
      // Whichever replica comes first makes the salt; the others read it.
      await store.atomic.setIfAbsent(SALT_KEY, randomBytes(32).toString("hex"), SALT_TTL_MS);
      const stored = await store.atomic.get(SALT_KEY);
      if (!stored) throw new Error("The store did not keep the feedback salt.");
      return stored;
    })();
    salt.catch(() => {
      salt = undefined;
    });
    return salt;
  };
  return {
    async record(vote: Vote) {
      const userId = hashUser(await installSalt(), vote.platform, vote.userId);
      await store.feedback.set(`${vote.commandText}:${userId}`, {
        answerKey: vote.commandText,
        userId,
        vote: vote.vote,
        at: vote.at.toISOString(),
        command: vote.command,
        platform: vote.platform,
        citations: vote.citations,
      });
    },
    async summary() {
      const rows = await store.feedback.list();
      return summarizeFeedback(rows.map((row) => row.value));
    },
  };
}
